package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.Relay;
import io.tollgate.dataplane.relay.StreamFrames;
import io.tollgate.dataplane.tunnel.ConnectHeaders;
import io.tollgate.dataplane.tunnel.ConnectTarget;
import io.tollgate.policy.route.Protocol;

import java.time.Instant;
import java.util.Optional;

/**
 * The gateway's decision for one tunnel stream: its CONNECT names where to (the host stands in for SNI), the
 * tunnel says who; then the same {@link Admission} as a connection of its own, and the answer in HTTP terms:
 * {@code 200} once the upstream is connected (then the relay), {@code 404} without a route, {@code 403} when
 * denied, {@code 502}/{@code 503} when the upstream cannot be had, {@code 400} for a request that is not a CONNECT.
 * A MYSQL destination is refused as a MySQL server refuses a host: {@code 200} and the ERR packet, so the client
 * shows the reason. Every refusal ends the stream; the tunnel and its other streams go on.
 */
final class StreamAccept extends ChannelInboundHandlerAdapter {
    private final GatewayRuntime runtime;
    private final GatewayConnection connection;
    private final TunnelPeer tunnel;
    private boolean requested;

    StreamAccept(GatewayRuntime runtime, GatewayConnection connection, TunnelPeer tunnel) {
        this.runtime = runtime;
        this.connection = connection;
        this.tunnel = tunnel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read(); // AUTO_READ is off: ask for the request.
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof StreamFrames.Headers request && !requested) {
            requested = true;
            decide(ctx, request);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void decide(ChannelHandlerContext ctx, StreamFrames.Headers request) {
        ConnectTarget target;
        try {
            target = ConnectTarget.of(request.headers());
        } catch (IllegalArgumentException e) {
            refuse(ctx, ConnectHeaders.BAD_REQUEST, ResponseFlag.DPE, "bad tunnel request: " + e.getMessage());
            return;
        }
        if (!Instant.now().isBefore(tunnel.validUntil())) {
            // The tunnel's handshake vouched for its peer only until its certificate expired: fail closed.
            refuse(ctx, ConnectHeaders.FORBIDDEN, ResponseFlag.DPE, "the tunnel's client certificate expired at "
                    + tunnel.validUntil() + "; a new tunnel is needed");
            return;
        }
        connection.peer = Optional.of(tunnel.peer());
        connection.serverName = Optional.of(target.host());
        switch (Admission.decide(runtime, connection)) {
            case Admission.NoRoute noRoute -> answerAndClose(ctx, ConnectHeaders.NOT_FOUND, noRoute.why());
            case Admission.Denied denied when denied.target().protocol() == Protocol.MYSQL -> {
                ctx.write(ConnectHeaders.accepted());
                ctx.write(denied.mysqlRefusal(tunnel.peer()).encode(ctx.alloc()));
                Relay.closeOnFlush(ctx.channel());
            }
            case Admission.Denied denied -> answerAndClose(ctx, ConnectHeaders.FORBIDDEN, connection.termination());
            case Admission.Admitted admitted -> UpstreamConnect.dial(runtime, connection, ctx.channel(), admitted.target(),
                    upstream -> relay(ctx, upstream),
                    () -> answerAndClose(ctx, connection.flag() == ResponseFlag.UH ? ConnectHeaders.UNAVAILABLE
                            : ConnectHeaders.BAD_GATEWAY, connection.termination()));
        }
    }

    private void refuse(ChannelHandlerContext ctx, int status, ResponseFlag flag, String why) {
        connection.end(flag, why);
        answerAndClose(ctx, status, why);
    }

    private static void answerAndClose(ChannelHandlerContext ctx, int status, String why) {
        ctx.writeAndFlush(ConnectHeaders.refused(status, why)).addListener(ChannelFutureListener.CLOSE);
    }

    private void relay(ChannelHandlerContext ctx, Channel upstream) {
        // Flushed now: a client that speaks first waits for this answer before it sends a byte.
        ctx.writeAndFlush(ConnectHeaders.accepted());
        ctx.pipeline().remove(this);
        Relay.start(ctx.channel(), upstream);
    }
}
