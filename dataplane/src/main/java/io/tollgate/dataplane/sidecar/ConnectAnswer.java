package io.tollgate.dataplane.sidecar;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.StreamFrames;
import io.tollgate.dataplane.tunnel.ConnectHeaders;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits for the gateway's answer to a tunnel stream's CONNECT: {@code 200} starts the relay; anything else is the
 * gateway refusing (no route, denied, no upstream), recorded with its status and reason as the upstream's doing
 * (UC), and the stream and the workload connection are closed. Until the answer nothing is relayed.
 */
final class ConnectAnswer extends ChannelInboundHandlerAdapter {
    private final SidecarConnection connection;
    private final Consumer<Channel> onAccepted;

    ConnectAnswer(SidecarConnection connection, Consumer<Channel> onAccepted) {
        this.connection = connection;
        this.onAccepted = onAccepted;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof StreamFrames.Headers answer)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        Optional<Integer> status = ConnectHeaders.status(answer.headers());
        if (status.isPresent() && status.get() == ConnectHeaders.OK) {
            ctx.pipeline().remove(this);
            onAccepted.accept(ctx.channel());
            return;
        }
        connection.end(ResponseFlag.UC, "gateway " + connection.upstreamText() + " refused the connection ("
                + status.map(String::valueOf).orElse("no status") + "): " + ConnectHeaders.reason(answer.headers()));
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Not yet answered: nothing from the gateway reaches the workload.
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.end(ResponseFlag.UC, "gateway " + connection.upstreamText() + " reset the stream before answering");
        ctx.fireChannelInactive();
    }
}
