package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.ByteCounter;
import io.tollgate.dataplane.relay.RelayHandler;

/** The gateway's upstream half: plain TCP to the destination, {@code count -> relay -> end}. */
final class UpstreamPipeline extends ChannelInitializer<Channel> {
    private final Channel downstream;
    private final GatewayConnection connection;

    UpstreamPipeline(Channel downstream, GatewayConnection connection) {
        this.downstream = downstream;
        this.connection = connection;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline()
                .addLast("count", new ByteCounter(connection::addSent))
                .addLast("relay", new RelayHandler(downstream))
                .addLast("end", new UpstreamEnd());
    }

    /** Records who ended the session when the destination did, and closes on errors. */
    private final class UpstreamEnd extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            connection.end(ResponseFlag.NONE, "upstream error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (downstream.isActive()) {
                connection.end(ResponseFlag.NONE, "upstream closed the connection");
            }
            ctx.fireChannelInactive();
        }
    }
}
