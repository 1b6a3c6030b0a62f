package io.tollgate.dataplane.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.ByteCounter;
import io.tollgate.dataplane.relay.RelayHandler;

import java.util.function.Consumer;

/**
 * The upstream half of a proxied connection: {@code [front ->] count -> relay -> end}. The front is what goes on
 * the wire before the relay (the sidecar's TLS and its judging of the server); the gateway dials plain TCP.
 */
public final class UpstreamPipeline extends ChannelInitializer<Channel> {
    private final Channel downstream;
    private final ProxiedConnection connection;
    private final Consumer<Channel> front;

    private UpstreamPipeline(Channel downstream, ProxiedConnection connection, Consumer<Channel> front) {
        this.downstream = downstream;
        this.connection = connection;
        this.front = front;
    }

    /** Plain TCP: the bytes go out as the downstream wrote them. */
    public static UpstreamPipeline plain(Channel downstream, ProxiedConnection connection) {
        return new UpstreamPipeline(downstream, connection, ch -> { });
    }

    /** {@code front} adds its handlers to the new channel's pipeline before the relay's. */
    public static UpstreamPipeline behind(Consumer<Channel> front, Channel downstream, ProxiedConnection connection) {
        return new UpstreamPipeline(downstream, connection, front);
    }

    @Override
    protected void initChannel(Channel ch) {
        installOn(ch);
    }

    /** Adds the stages to {@code ch} directly: for a channel that is already connected (and owned by the caller). */
    public void installOn(Channel ch) {
        front.accept(ch);
        ch.pipeline()
                .addLast("count", new ByteCounter(connection::addSent))
                .addLast("relay", new RelayHandler(downstream))
                .addLast("end", new UpstreamEnd());
    }

    /** Records who ended the session when the upstream did, and closes on errors. */
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
