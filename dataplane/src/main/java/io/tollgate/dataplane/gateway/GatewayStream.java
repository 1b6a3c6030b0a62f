package io.tollgate.dataplane.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2Headers;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.ByteCounter;
import io.tollgate.dataplane.relay.Dialing;
import io.tollgate.dataplane.relay.IdleCloser;
import io.tollgate.dataplane.relay.StreamRelay;
import io.tollgate.dataplane.tunnel.ConnectHeaders;
import io.tollgate.dataplane.tunnel.ConnectTarget;
import io.tollgate.dataplane.tunnel.StreamEnd;
import io.tollgate.dataplane.tunnel.TunnelStream;
import io.tollgate.policy.route.Protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One tunnel stream at the gateway, a proxied connection in all but transport, until its relay starts: its CONNECT
 * names where to (the host stands in for SNI), the tunnel says who; then the same {@link Admission} as a connection
 * of its own, and the answer in HTTP terms: {@code 200} once the upstream is connected (then the
 * {@link StreamRelay}), {@code 404} without a route, {@code 403} when denied, {@code 502}/{@code 503} when the
 * upstream cannot be had, {@code 400} for a request that is not a CONNECT. A MYSQL destination is refused as a
 * MySQL server refuses a host: {@code 200} and the ERR packet, so the client shows the reason. Every refusal ends
 * the stream; the tunnel and its other streams go on. When the stream closes, its metrics and its access-log line
 * are written, as for a connection of its own.
 *
 * <p>The upstream socket stands for the stream among the gateway's open connections ({@link GatewayRuntime#open}):
 * a policy change re-checks it and closes it (and with it the stream), a drain waits for it. Its pipeline is
 * {@code idle -> count -> relay -> end}: the idle closer sees both directions there, and counts bytes that wait
 * in the stream's flow control for a slow peer as moving while the peer reads.
 *
 * <p>Threading: the tunnel's event loop, which the upstream shares.
 */
final class GatewayStream implements StreamEnd {
    private final GatewayRuntime runtime;
    private final TunnelPeer tunnel;
    private final GatewayConnection connection;
    private final List<ByteBuf> held = new ArrayList<>();
    /** The upstream dial once admitted: abandoned if the stream closes before the upstream is relayed to. */
    private final Dialing dialing = new Dialing();
    private boolean requested;
    private boolean inputEnded;
    private boolean finished;

    private GatewayStream(GatewayRuntime runtime, TunnelPeer tunnel) {
        this.runtime = runtime;
        this.tunnel = tunnel;
        this.connection = new GatewayConnection(runtime.connectionIds().incrementAndGet(), Instant.now(),
                tunnel.source(), tunnel.local(), tunnel.serverPort());
    }

    /** Serves {@code stream}, a new stream of {@code tunnel}. */
    static void accept(GatewayRuntime runtime, TunnelPeer tunnel, TunnelStream stream) {
        stream.attach(new GatewayStream(runtime, tunnel));
    }

    @Override
    public void onHeaders(TunnelStream stream, Http2Headers headers, boolean endStream) {
        if (requested) {
            return;
        }
        requested = true;
        inputEnded = endStream;
        decide(stream, headers);
    }

    @Override
    public void onData(TunnelStream stream, ByteBuf data, boolean endStream) {
        // Early bytes (a client that speaks first) wait for the upstream, still counted against the window.
        if (data.isReadable()) {
            held.add(data);
        } else {
            data.release();
        }
        inputEnded |= endStream;
    }

    @Override
    public void onClosed(TunnelStream stream) {
        held.forEach(ByteBuf::release);
        held.clear();
        dialing.abandon();
        finish();
    }

    private void decide(TunnelStream stream, Http2Headers request) {
        ConnectTarget target;
        try {
            target = ConnectTarget.of(request);
        } catch (IllegalArgumentException e) {
            refuse(stream, ConnectHeaders.BAD_REQUEST, ResponseFlag.DPE, "bad tunnel request: " + e.getMessage());
            return;
        }
        if (!Instant.now().isBefore(tunnel.validUntil())) {
            // The tunnel's handshake vouched for its peer only until its certificate expired: fail closed.
            refuse(stream, ConnectHeaders.FORBIDDEN, ResponseFlag.DPE, "the tunnel's client certificate expired at "
                    + tunnel.validUntil() + "; a new tunnel is needed");
            return;
        }
        connection.peer = Optional.of(tunnel.peer());
        connection.serverName = Optional.of(target.host());
        switch (Admission.decide(runtime, connection)) {
            case Admission.NoRoute noRoute -> answerAndClose(stream, ConnectHeaders.NOT_FOUND, noRoute.why());
            case Admission.Denied denied when denied.target().protocol() == Protocol.MYSQL -> {
                stream.headers(ConnectHeaders.accepted(), false);
                stream.write(denied.mysqlRefusal(tunnel.peer()).encode(stream.tunnel().alloc()));
                stream.endOutputThenReset();
            }
            case Admission.Denied denied -> answerAndClose(stream, ConnectHeaders.FORBIDDEN, connection.termination());
            case Admission.Admitted admitted -> UpstreamConnect.dial(runtime, connection, stream.tunnel(),
                    admitted.target(), upstreamPipeline(stream), stream::isOpen, dialing, upstream -> relay(stream, upstream),
                    () -> answerAndClose(stream, connection.flag() == ResponseFlag.UH ? ConnectHeaders.UNAVAILABLE
                            : ConnectHeaders.BAD_GATEWAY, connection.termination()));
        }
    }

    private void refuse(TunnelStream stream, int status, ResponseFlag flag, String why) {
        connection.end(flag, why);
        answerAndClose(stream, status, why);
    }

    private static void answerAndClose(TunnelStream stream, int status, String why) {
        stream.headers(ConnectHeaders.refused(status, why), true);
        stream.reset();
    }

    private ChannelInitializer<Channel> upstreamPipeline(TunnelStream stream) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel upstream) {
                upstream.pipeline()
                        .addLast("idle", new IdleCloser(runtime.idleTimeout(),
                                () -> connection.end(ResponseFlag.NONE, "idle timeout after " + runtime.idleTimeout()),
                                stream::sendProgress))
                        .addLast("count", new ByteCounter(connection::addSent))
                        .addLast("end", new UpstreamEnd(connection));
            }
        };
    }

    private void relay(TunnelStream stream, Channel upstream) {
        upstream.attr(GatewayConnection.KEY).set(connection);
        runtime.open().add(upstream);
        // Flushed now: a client that speaks first waits for this answer before it sends a byte.
        stream.headers(ConnectHeaders.accepted(), false);
        List<ByteBuf> early = List.copyOf(held);
        held.clear();
        StreamRelay.join(upstream, "end", stream, early, inputEnded, connection::addReceived,
                () -> connection.end(ResponseFlag.NONE, "upstream closed the connection"), this::finish);
        stream.flush();
    }

    /** The stream's one closing record: metrics, then the access-log line. */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (connection.counted()) {
            runtime.metrics().connectionClosed(connection.labels(), connection.bytesSent(), connection.bytesReceived());
        }
        runtime.accessLog().record(connection.toLogEntry(Instant.now(), "downstream closed the connection"));
    }

    /** The upstream's last handler: an error is recorded and closes it (the relay then resets the stream). */
    private static final class UpstreamEnd extends ChannelInboundHandlerAdapter {
        private final GatewayConnection connection;

        UpstreamEnd(GatewayConnection connection) {
            this.connection = connection;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            connection.end(ResponseFlag.NONE, "upstream error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            ctx.close();
        }
    }
}
