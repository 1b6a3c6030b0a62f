package io.tollgate.dataplane.sidecar;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tollgate.dataplane.capture.NamespacedListener;
import io.tollgate.dataplane.connection.EndpointAddress;
import io.tollgate.dataplane.pod.HostName;
import io.tollgate.dataplane.pod.ServiceAddresses;
import io.tollgate.dataplane.relay.DataPathBuffers;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tunnel.TunnelPool;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.WeightedUpstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A workload's sidecar: outbound connections come in on explicit listeners (one per registered {@code host:port},
 * on its service address) and/or through a pod's capture listener, and all go through the one entry point,
 * {@link OutboundAccept}, to be routed to the egress gateway over mTLS, passed through, or refused.
 *
 * <p>{@link #update} swaps the routes atomically: listeners for new hosts are bound, those of removed hosts are
 * closed, and open sessions are never touched (a sidecar has no policy to re-check; the gateway does that).
 * {@link #shutdown} stops accepting and drains.
 *
 * <p>Threading: {@code update} and {@code shutdown} may be called from any thread and are serialised; per-connection
 * work runs on the connection's event loop.
 */
public final class SidecarServer {
    private static final Logger LOG = LoggerFactory.getLogger(SidecarServer.class);
    private final SidecarSettings settings;
    private final SidecarDependencies dependencies;
    private final SidecarRuntime runtime;
    private final EventLoopGroup group;
    private final ChannelGroup open = new DefaultChannelGroup("sidecar-connections", GlobalEventExecutor.INSTANCE);
    private final AtomicLong connectionIds = new AtomicLong();
    private final ExplicitListenerSet explicit;
    private final HostsFileWriter hostsFile;
    private Optional<Channel> capture = Optional.empty();
    private volatile boolean ready;

    private SidecarServer(SidecarSettings settings, SidecarDependencies dependencies, SidecarConfig initial) {
        this.settings = settings;
        this.dependencies = dependencies;
        this.group = dependencies.transport().newEventLoopGroup(settings.threads(), "sidecar");
        OutboundTable table = OutboundTable.of(initial.routes(), pins(), ServiceAddresses.none());
        UpstreamDialer dialer = new UpstreamDialer(dependencies.transport(), settings.connectTimeout(),
                settings.upstreamSocket());
        this.runtime = new SidecarRuntime(new AtomicReference<>(table), dependencies.tls(),
                new UpstreamPicker(new EndpointAddress(dependencies.resolver())), dialer,
                settings.tunnels() ? Optional.of(new TunnelPool(dependencies.tls(), dialer, dependencies.metrics(),
                        Clock.systemUTC(), settings.idleTimeout())) : Optional.empty(),
                dependencies.accessLog(), dependencies.metrics(), settings.idleTimeout());
        this.explicit = new ExplicitListenerSet(listener -> bootstrap(new Arrival.Listener(listener.destination()))
                .channel(dependencies.transport().serverChannelType()));
        this.hostsFile = new HostsFileWriter(settings.explicit().flatMap(ExplicitListeners::hostsFile));
    }

    /**
     * Binds the explicit listeners of {@code initial}'s routes and the capture listener, whichever the settings
     * ask for, and starts serving.
     *
     * @throws IllegalStateException naming what could not be bound; nothing is left running
     */
    public static SidecarServer start(SidecarSettings settings, SidecarDependencies dependencies, SidecarConfig initial) {
        if (settings.capture().isPresent() && !dependencies.transport().name().equals("epoll")) {
            throw new IllegalArgumentException("a capture listener needs the epoll transport, not "
                    + dependencies.transport().name());
        }
        SidecarServer server = new SidecarServer(settings, dependencies, initial);
        try {
            OutboundTable table = server.runtime.table().get();
            server.warnUnaddressable(table);
            if (settings.explicit().isPresent()) {
                server.explicit.resume(server.explicit.bindPaused(table.listeners()));
                server.hostsFile.write(table.listeners());
            }
            if (settings.capture().isPresent()) {
                server.capture = Optional.of(server.startCapture(settings.capture().get()));
            }
        } catch (RuntimeException e) {
            server.explicit.closeAll();
            server.group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            throw e;
        }
        server.ready = true;
        return server;
    }

    /**
     * Makes {@code next} the configuration of new connections, binds listeners for its new hosts and closes those
     * of hosts it no longer has. If a new listener cannot be bound, nothing changes and the error names it.
     */
    public synchronized void update(SidecarConfig next) {
        OutboundTable previous = runtime.table().get();
        OutboundTable table = OutboundTable.of(next.routes(), pins(), previous.services());
        List<OutboundListener> added = settings.explicit().isPresent() ? explicit.bindPaused(table.listeners()) : List.of();
        runtime.table().set(table);
        explicit.resume(added);
        List<OutboundListener> removed = explicit.unbindAllBut(settings.explicit().isPresent() ? table.listeners() : List.of());
        runtime.picker().balancing().retain(next.routes().routes().values().stream()
                .flatMap(route -> route.upstreams().stream()).map(WeightedUpstream::upstream).toList());
        warnUnaddressable(table);
        if (settings.explicit().isPresent()) {
            hostsFile.rewrite(table.listeners());
        }
        LOG.info("sidecar: configuration {} -> {} ({} listeners added, {} removed)", previous.routes().version(),
                next.routes().version(), added.size(), removed.size());
    }

    /** The explicit listeners of the current routes, in name order: what {@code tollgate sidecar} prints. */
    public List<OutboundListener> listeners() {
        return settings.explicit().isPresent() ? runtime.table().get().listeners() : List.of();
    }

    /**
     * Each registered host name and the address that stands for it: what a pod's hosts file must say (write it
     * with {@code pod.updateHosts(sidecar.hosts())} after start and after each update).
     */
    public Map<HostName, InetAddress> hosts() {
        return runtime.table().get().hosts();
    }

    /** Where the capture listener listens inside its pod, if there is one. */
    public Optional<InetSocketAddress> captureAddress() {
        return capture.map(channel -> (InetSocketAddress) channel.localAddress());
    }

    /** Connections accepted and not yet closed. */
    public int openConnections() {
        return open.size();
    }

    /** True from a successful start until shutdown begins: what {@code /ready} reports. */
    public boolean ready() {
        return ready;
    }

    /**
     * Stops accepting, lets open connections finish for up to {@code drain}, closes the rest, and stops the event
     * loops. Returns when all is closed.
     */
    public synchronized void shutdown(Duration drain) {
        ready = false;
        explicit.closeAll();
        capture.ifPresent(Channel::close);
        if (!open.newCloseFuture().awaitUninterruptibly(drain.toMillis())) {
            LOG.info("sidecar: drain time {} over, closing {} open connections", drain, open.size());
        }
        open.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * A listener for {@code destination} on {@code address} (port 0 picks one), whether or not a route registers
     * it; returns where it listens. Explicit listeners exist only for registered destinations: this is how a test
     * presents a destination no route knows to the entry point over a real socket. Closed by the next update.
     */
    synchronized InetSocketAddress listen(HostPort destination, InetSocketAddress address) {
        return explicit.listen(new OutboundListener(destination, address));
    }

    private Channel startCapture(NamespacedListener listener) {
        ChannelFuture registered;
        try {
            registered = listener.start(bootstrap(new Arrival.Captured()));
        } catch (IOException e) {
            throw new IllegalStateException("capture listener " + listener.address() + " in " + listener.namespaceFile()
                    + ": " + e.getMessage(), e);
        }
        registered.syncUninterruptibly();
        LOG.info("sidecar: capturing on {} in {}", listener.address(), listener.namespaceFile());
        return registered.channel();
    }

    /** Without a channel type: the capture listener brings its own channel (see {@link NamespacedListener#start}). */
    private ServerBootstrap bootstrap(Arrival arrival) {
        return new ServerBootstrap()
                .group(group)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, DataPathBuffers.ALLOCATOR)
                .childHandler(new OutboundInitializer(runtime, arrival, connectionIds, open));
    }

    private Map<Hostname, InetAddress> pins() {
        return settings.explicit().map(ExplicitListeners::pinned).orElse(Map.of());
    }

    private static void warnUnaddressable(OutboundTable table) {
        for (Hostname host : table.unaddressable()) {
            LOG.warn("sidecar: {} is registered but cannot be written to a hosts file, so it gets no listener or"
                    + " service address; pin it with --bind {}=127.0.0.x", host, host);
        }
    }
}
