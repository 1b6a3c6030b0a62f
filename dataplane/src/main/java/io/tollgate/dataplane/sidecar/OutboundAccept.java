package io.tollgate.dataplane.sidecar;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollSocketChannel;
import io.tollgate.dataplane.capture.OriginalDestination;
import io.tollgate.dataplane.capture.SyscallException;
import io.tollgate.dataplane.connection.UpstreamPipeline;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.Dialing;
import io.tollgate.dataplane.relay.Relay;
import io.tollgate.dataplane.relay.StreamRelay;
import io.tollgate.dataplane.tunnel.ConnectTarget;
import io.tollgate.dataplane.tunnel.TunnelKey;
import io.tollgate.dataplane.tunnel.TunnelOpen;
import io.tollgate.dataplane.tunnel.TunnelPool;
import io.tollgate.dataplane.tunnel.TunnelStream;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.UpstreamTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The sidecar's one outbound entry point: an accepted connection and its destination in, a routed, passed-through
 * or refused connection out. The destination is the explicit listener's {@code host:port}, or for a captured
 * connection its original destination read back through the {@link OutboundTable}. Then the
 * {@link OutboundDecision}; for a route, an upstream is picked and dialed (mTLS to the gateway, or plain TCP for
 * TLS mode DISABLE), and once it is up, and for mTLS its identity accepted, this handler removes itself and the
 * relay starts ({@link Relay#start}). What the workload sends meanwhile waits in the hold ahead of this handler.
 * Every refusal records its flag and reason and closes.
 */
final class OutboundAccept extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundAccept.class);
    private static final UpstreamTls PLAIN = new UpstreamTls.Disabled();
    private final SidecarRuntime runtime;
    private final Arrival arrival;
    private final SidecarConnection connection;

    OutboundAccept(SidecarRuntime runtime, Arrival arrival, SidecarConnection connection) {
        this.runtime = runtime;
        this.arrival = arrival;
        this.connection = connection;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        OutboundTable table = runtime.table().get();
        Optional<HostPort> destination = switch (arrival) {
            case Arrival.Listener listener -> Optional.of(listener.destination());
            case Arrival.Captured captured -> captured(ctx.channel(), table);
        };
        if (destination.isEmpty()) {
            refuse(ctx);
            return;
        }
        connection.destination = destination;
        switch (OutboundDecision.of(destination.get(), table.routes())) {
            case OutboundDecision.Refused refused -> {
                connection.destinationService = refused.flag() == ResponseFlag.BH ? SidecarConnection.BLACK_HOLE
                        : destination.get().toString();
                connection.end(refused.flag(), refused.reason());
                refuse(ctx);
            }
            case OutboundDecision.PassThrough through -> {
                connection.destinationService = SidecarConnection.PASS_THROUGH;
                opened();
                dial(ctx, through.address(), PLAIN);
            }
            case OutboundDecision.Routed routed -> {
                connection.destinationService = routed.route().destination().toString();
                opened();
                runtime.picker().pick(routed.route(), destination.get()).whenComplete((pick, failure) ->
                        ctx.executor().execute(() -> picked(ctx, pick, failure)));
            }
        }
    }

    /** The captured connection's destination in route terms, or empty (recorded as NR) when it has none. */
    private Optional<HostPort> captured(Channel channel, OutboundTable table) {
        Optional<OriginalDestination> original;
        try {
            original = OriginalDestination.of((EpollSocketChannel) channel);
        } catch (SyscallException e) {
            connection.end(ResponseFlag.NR, "cannot read the original destination: " + e.getMessage());
            return Optional.empty();
        }
        if (original.isEmpty()) {
            connection.end(ResponseFlag.NR, "not redirected: a connection made straight to the capture port has no destination");
            return Optional.empty();
        }
        connection.capturedFor(original.get().address());
        return Optional.of(table.destinationOf(original.get().address()));
    }

    private void refuse(ChannelHandlerContext ctx) {
        opened();
        LOG.debug("connection {} from {} refused ({}): {}", connection.id(), connection.source(), connection.flag().code(),
                connection.termination());
        ctx.close();
    }

    private void opened() {
        connection.opened = true;
        runtime.metrics().connectionOpened(connection.labels());
    }

    private void picked(ChannelHandlerContext ctx, UpstreamPicker.Pick pick, Throwable failure) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            connection.end(ResponseFlag.UH, "no upstream address: " + cause.getMessage());
            ctx.close();
            return;
        }
        runtime.picker().balancing().opened(pick.endpoint());
        connection.endpoint = Optional.of(pick.endpoint());
        dial(ctx, pick.address(), pick.upstream().tls());
    }

    private void dial(ChannelHandlerContext ctx, InetSocketAddress address, UpstreamTls tls) {
        if (tls instanceof UpstreamTls.IstioMutual mutual && runtime.tunnels().isPresent()) {
            tunnel(ctx, address, mutual, runtime.tunnels().get());
        } else {
            dialDirect(ctx, address, tls);
        }
    }

    /** A connection of its own to the upstream: plain TCP, or for mTLS a handshake per connection. */
    private void dialDirect(ChannelHandlerContext ctx, InetSocketAddress address, UpstreamTls tls) {
        connection.dialing(address);
        UpstreamPipeline pipeline = switch (tls) {
            case UpstreamTls.Disabled plain -> UpstreamPipeline.plain(ctx.channel(), connection);
            case UpstreamTls.IstioMutual mutual -> UpstreamPipeline.behind(
                    new MeshTlsFront(runtime, connection, address, mutual, up -> relay(ctx, up)), ctx.channel(), connection);
        };
        ChannelFuture connect = runtime.dialer().dial(ctx.channel(), address, pipeline);
        Dialing.until(ctx.channel()).connecting(connect);
        connect.addListener((ChannelFuture connected) -> connected(ctx, address, tls, connected));
    }

    /**
     * The connection as a stream of a tunnel to the gateway: CONNECT to the route's server name (or the destination
     * host) and the destination port. A gateway that does not take tunnels gets a connection of its own.
     */
    private void tunnel(ChannelHandlerContext ctx, InetSocketAddress address, UpstreamTls.IstioMutual mutual, TunnelPool pool) {
        connection.dialing(address);
        HostPort destination = connection.destination.orElseThrow();
        Optional<String> sni = mutual.sni().map(Hostname::value);
        ConnectTarget target = new ConnectTarget(sni.orElse(destination.host().toString()), destination.port().value());
        ConnectAnswer answer = new ConnectAnswer(connection, ctx.channel(), stream -> relayStream(ctx, stream));
        pool.open(ctx.channel(), new TunnelKey(address, sni, mutual.subjectAltNames()), target, answer, outcome -> {
            switch (outcome) {
                // ConnectAnswer starts the relay once the gateway answers; a workload gone before that resets it.
                case TunnelOpen.Opened opened -> ctx.channel().closeFuture()
                        .addListener(closed -> answer.downstreamClosed(opened.stream()));
                case TunnelOpen.Failed failed -> {
                    connection.end(ResponseFlag.UF, failed.why());
                    ctx.close();
                }
                case TunnelOpen.Unsupported unsupported -> {
                    LOG.debug("connection {}: {}; using a connection of its own", connection.id(), unsupported.why());
                    if (!ctx.channel().isActive()) {
                        unsupported.connection().ifPresent(Channel::close);
                    } else if (unsupported.connection().isPresent()) {
                        // The connection that found out is ours: already through its handshake and judged.
                        Channel upstream = unsupported.connection().get();
                        UpstreamPipeline.plain(ctx.channel(), connection).installOn(upstream);
                        relay(ctx, upstream);
                    } else {
                        dialDirect(ctx, address, mutual);
                    }
                }
            }
        });
    }

    private void connected(ChannelHandlerContext ctx, InetSocketAddress address, UpstreamTls tls, ChannelFuture connected) {
        Channel upstream = connected.channel();
        if (!ctx.channel().isActive()) {
            // Gone meanwhile: its close is the termination to log, not this connect's end. A late upstream is closed.
            upstream.close();
            return;
        }
        if (!connected.isSuccess()) {
            connection.end(ResponseFlag.UF, "upstream connect to " + connection.upstreamText() + " failed: "
                    + connected.cause().getMessage());
            ctx.close();
            return;
        }
        switch (tls) {
            case UpstreamTls.Disabled plain -> relay(ctx, upstream);
            // AUTO_READ is off: let the handshake read; UpstreamHandshake starts the relay once it is satisfied.
            case UpstreamTls.IstioMutual mutual -> upstream.read();
        }
    }

    private void relayStream(ChannelHandlerContext ctx, TunnelStream stream) {
        Channel downstream = ctx.channel();
        if (!downstream.isActive()) {
            stream.reset();
            return;
        }
        ctx.pipeline().remove(this);
        StreamRelay.start(downstream, stream, connection::addSent, () -> { }, () -> {
            if (downstream.isActive()) {
                connection.end(ResponseFlag.NONE, "upstream closed the connection");
            }
        });
    }

    private void relay(ChannelHandlerContext ctx, Channel upstream) {
        Channel downstream = ctx.channel();
        if (!downstream.isActive()) {
            upstream.close();
            return;
        }
        ctx.pipeline().remove(this);
        Relay.start(downstream, upstream);
    }
}
