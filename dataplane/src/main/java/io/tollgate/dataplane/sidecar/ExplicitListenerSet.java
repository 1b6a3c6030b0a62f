package io.tollgate.dataplane.sidecar;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The explicit listeners that are bound now, one server channel per {@link OutboundListener}. Binding is in two
 * steps so a configuration change is all or nothing: {@link #bindPaused} binds every new listener without
 * accepting (connections wait in the kernel's backlog) and undoes them all if one fails; once the new routes are
 * in force, {@link #resume} starts accepting and {@link #unbindAllBut} closes the listeners that are no longer
 * wanted. Closing a listener leaves its open connections alone.
 *
 * <p>Threading: called under {@link SidecarServer}'s lock only.
 */
final class ExplicitListenerSet {
    private static final Logger LOG = LoggerFactory.getLogger(ExplicitListenerSet.class);
    private final Function<OutboundListener, ServerBootstrap> bootstraps;
    private final Map<OutboundListener, Channel> bound = new HashMap<>();

    /** @param bootstraps a server bootstrap whose child handler serves the given listener's destination */
    ExplicitListenerSet(Function<OutboundListener, ServerBootstrap> bootstraps) {
        this.bootstraps = bootstraps;
    }

    /**
     * Binds each of {@code wanted} that is not bound yet, not accepting yet.
     *
     * @return the new ones
     * @throws IllegalStateException naming the listener that could not be bound; then nothing new stays bound
     */
    List<OutboundListener> bindPaused(List<OutboundListener> wanted) {
        Map<OutboundListener, Channel> added = new HashMap<>();
        for (OutboundListener listener : wanted) {
            if (bound.containsKey(listener)) {
                continue;
            }
            ChannelFuture bind = bootstraps.apply(listener)
                    .option(ChannelOption.AUTO_READ, false)
                    .bind(listener.address()).awaitUninterruptibly();
            if (!bind.isSuccess()) {
                added.values().forEach(Channel::close);
                throw new IllegalStateException(listener.line() + ": cannot listen on "
                        + listener.address().getAddress().getHostAddress() + ":" + listener.address().getPort() + ": "
                        + bind.cause().getMessage(), bind.cause());
            }
            added.put(listener, bind.channel());
        }
        bound.putAll(added);
        return List.copyOf(added.keySet());
    }

    /** Starts accepting on {@code listeners} (the ones {@link #bindPaused} returned). */
    void resume(List<OutboundListener> listeners) {
        for (OutboundListener listener : listeners) {
            Channel channel = bound.get(listener);
            if (channel != null) {
                channel.config().setAutoRead(true);
                LOG.info("sidecar: {}", listener.line());
            }
        }
    }

    /** Closes every listener not in {@code wanted}; returns those closed. */
    List<OutboundListener> unbindAllBut(List<OutboundListener> wanted) {
        Set<OutboundListener> keep = new HashSet<>(wanted);
        List<OutboundListener> removed = new ArrayList<>();
        for (OutboundListener listener : List.copyOf(bound.keySet())) {
            if (!keep.contains(listener)) {
                bound.remove(listener).close();
                removed.add(listener);
                LOG.info("sidecar: stopped {}", listener.line());
            }
        }
        return removed;
    }

    /** Binds one listener and starts accepting at once: for a destination outside the routes, too. */
    InetSocketAddress listen(OutboundListener listener) {
        List<OutboundListener> added = bindPaused(List.of(listener));
        resume(added);
        return (InetSocketAddress) bound.get(listener).localAddress();
    }

    void closeAll() {
        bound.values().forEach(Channel::close);
        bound.clear();
    }
}
