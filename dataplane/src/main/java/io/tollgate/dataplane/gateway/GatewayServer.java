package io.tollgate.dataplane.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tollgate.dataplane.connection.EndpointAddress;
import io.tollgate.dataplane.relay.DataPathBuffers;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tunnel.TunnelConnection;
import io.tollgate.policy.route.PortNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The egress gateway's data path: one mTLS listener per Gateway server port in the routes, each connection served
 * by the configuration current when it was accepted.
 *
 * <p>{@link #update} swaps routes and policy atomically, binds new ports, unbinds removed ones (their open
 * connections go on), and re-checks every open connection against the new policy: those now denied are closed,
 * all others are left alone. {@link #shutdown} stops accepting and drains.
 *
 * <p>Threading: {@code update} and {@code shutdown} may be called from any thread and are serialised; per-connection
 * work runs on the connection's event loop.
 */
public final class GatewayServer {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private final GatewaySettings settings;
    private final GatewayDependencies dependencies;
    private final GatewayRuntime runtime;
    private final EventLoopGroup group;
    private final Map<PortNumber, Channel> listeners = new HashMap<>();
    private volatile boolean ready;

    private GatewayServer(GatewaySettings settings, GatewayDependencies dependencies, GatewayConfig initial) {
        this.settings = settings;
        this.dependencies = dependencies;
        this.group = dependencies.transport().newEventLoopGroup(settings.threads(), "gateway");
        this.runtime = new GatewayRuntime(new AtomicReference<>(initial), dependencies.tls(),
                new UpstreamAddress(new EndpointAddress(dependencies.resolver())),
                new UpstreamDialer(dependencies.transport(), settings.connectTimeout()),
                dependencies.accessLog(), dependencies.metrics(), settings.idleTimeout(),
                new DefaultChannelGroup("gateway-connections", GlobalEventExecutor.INSTANCE),
                new DefaultChannelGroup("gateway-tunnels", GlobalEventExecutor.INSTANCE), new AtomicLong());
    }

    /**
     * Binds a listener for every port of {@code initial}'s routes and starts serving.
     *
     * @throws IllegalStateException naming the port that could not be bound; nothing is left running
     */
    public static GatewayServer start(GatewaySettings settings, GatewayDependencies dependencies, GatewayConfig initial) {
        GatewayServer server = new GatewayServer(settings, dependencies, initial);
        try {
            server.bindMissing(initial);
        } catch (RuntimeException e) {
            server.group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            throw e;
        }
        server.ready = true;
        return server;
    }

    /**
     * Makes {@code next} the configuration of new connections and re-authorizes open ones. If a new port cannot
     * be bound, nothing changes and the error says which port.
     */
    public synchronized void update(GatewayConfig next) {
        Set<PortNumber> added = bindMissing(next);
        GatewayConfig previous = runtime.config().getAndSet(next);
        Set<PortNumber> removed = new HashSet<>(listeners.keySet());
        removed.removeAll(next.routes().ports());
        for (PortNumber port : removed) {
            listeners.remove(port).close();
            LOG.info("gateway: stopped listening on server port {}", port);
        }
        LOG.info("gateway: configuration {} -> {} (ports added {}, removed {})", previous.routes().version(),
                next.routes().version(), added, removed);
        for (Channel channel : runtime.open()) {
            channel.eventLoop().execute(() -> PolicyRecheck.recheck(channel, next, runtime));
        }
    }

    /** Where the listener of a Gateway server port is bound, if that port is routed. */
    public synchronized Optional<InetSocketAddress> listenerAddress(PortNumber serverPort) {
        return Optional.ofNullable(listeners.get(serverPort)).map(c -> (InetSocketAddress) c.localAddress());
    }

    /**
     * Connections accepted and not yet closed (including those still in their handshake), tunnel streams
     * included: each stream is a workload connection.
     */
    public int openConnections() {
        return runtime.open().size();
    }

    /** Tunnels open now, each carrying any number of the {@link #openConnections}. */
    public int openTunnels() {
        return runtime.tunnels().size();
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
        listeners.values().forEach(Channel::close);
        listeners.clear();
        // Tell tunnel clients to open no more streams here; the ones open may finish.
        for (Channel tunnel : runtime.tunnels()) {
            tunnel.eventLoop().execute(() -> {
                TunnelConnection h2 = tunnel.pipeline().get(TunnelConnection.class);
                if (h2 != null) {
                    h2.goAway();
                }
            });
        }
        ChannelGroup open = runtime.open();
        if (!open.newCloseFuture().awaitUninterruptibly(drain.toMillis())) {
            LOG.info("gateway: drain time {} over, closing {} open connections", drain, open.size());
        }
        open.close().awaitUninterruptibly();
        runtime.tunnels().close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Set<PortNumber> bindMissing(GatewayConfig config) {
        Map<PortNumber, Channel> bound = new HashMap<>();
        for (PortNumber port : config.routes().ports()) {
            if (listeners.containsKey(port)) {
                continue;
            }
            InetSocketAddress address = settings.listeners().bindAddressFor(port);
            ChannelFuture bind = bootstrap(port).bind(address).awaitUninterruptibly();
            if (!bind.isSuccess()) {
                bound.values().forEach(Channel::close);
                throw new IllegalStateException("gateway server port " + port + ": cannot listen on " + address + ": "
                        + bind.cause().getMessage(), bind.cause());
            }
            bound.put(port, bind.channel());
        }
        bound.forEach((port, channel) ->
                LOG.info("gateway: server port {} listening on {}", port, channel.localAddress()));
        listeners.putAll(bound);
        return bound.keySet();
    }

    private ServerBootstrap bootstrap(PortNumber port) {
        return new ServerBootstrap()
                .group(group)
                .channel(dependencies.transport().serverChannelType())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, DataPathBuffers.ALLOCATOR)
                .childHandler(new GatewayInitializer(runtime, port));
    }
}
