package io.tollgate.dataplane.relay;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Forwards what its channel reads to {@code peer}, with backpressure: the channel runs with AUTO_READ off and
 * reads again only after the previous batch was written to the peer's socket. One instance per direction. (A tunnel
 * stream's relay is {@link StreamRelay}.)
 *
 * <p>A read batch (the {@code channelRead}s up to {@code channelReadComplete}) is written unflushed and flushed
 * once, then the next read waits on the batch's last write: writes complete in order, so that one covers all.
 *
 * <p>Threading: both channels share one event loop, so the fields need no synchronisation.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
    private final Channel peer;
    private ChannelFuture lastWrite;
    /** Made once, not per batch: reads again when a batch was written, closes when it could not be. */
    private ChannelFutureListener batchWritten;

    public RelayHandler(Channel peer) {
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!peer.isActive()) {
            ReferenceCountUtil.release(msg);
        } else {
            lastWrite = peer.write(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ChannelFuture batch = lastWrite;
        lastWrite = null;
        if (batch == null) {
            // Nothing to forward (e.g. TLS consumed a post-handshake message): keep reading.
            Relay.readIfOpen(ctx.channel());
            return;
        }
        peer.flush();
        if (batchWritten == null) {
            batchWritten = written -> {
                if (written.isSuccess()) {
                    Relay.readIfOpen(ctx.channel());
                } else {
                    ctx.close();
                }
            };
        }
        batch.addListener(batchWritten);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            // Our side will send no more: tell the peer, keep relaying the other direction.
            Relay.shutdownOutputOnFlush(peer);
            if (ctx.channel() instanceof DuplexChannel duplex && duplex.isOutputShutdown()) {
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Relay.closeOnFlush(peer);
        ctx.fireChannelInactive();
    }
}
