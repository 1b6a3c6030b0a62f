package io.tollgate.dataplane.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.function.LongConsumer;

/**
 * Counts the bytes its channel reads, passing them on untouched. Placed after TLS, it counts application bytes.
 * The sink is called on the channel's event loop.
 */
public final class ByteCounter extends ChannelInboundHandlerAdapter {
    private final LongConsumer sink;

    public ByteCounter(LongConsumer sink) {
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            sink.accept(bytes.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }
}
