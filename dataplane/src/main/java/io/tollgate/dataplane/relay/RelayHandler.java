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
 * reads again only after the previous batch was written to the peer's socket, or for a tunnel stream, once the
 * stream is writable. One instance per direction.
 *
 * <p>A read batch (the {@code channelRead}s up to {@code channelReadComplete}) is written unflushed and flushed
 * once, then the next read waits on the batch's last write: writes complete in order, so that one covers all.
 *
 * <p>Threading: both channels share one event loop, so the fields need no synchronisation.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
    private final Channel peer;
    /** Whether the peer is a tunnel stream: writes need no promise, writability paces the reads. */
    private final boolean peerIsStream;
    private ChannelFuture lastWrite;
    private boolean wroteToStream;
    /** Made once, not per batch: reads again when a batch was written, closes when it could not be. */
    private ChannelFutureListener batchWritten;

    public RelayHandler(Channel peer) {
        this.peer = peer;
        this.peerIsStream = StreamFrames.isStream(peer);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!peer.isActive()) {
            ReferenceCountUtil.release(msg);
        } else if (peerIsStream) {
            // A failed write fails the stream, whose pipeline closes it; this side then closes with it.
            peer.write(msg, peer.voidPromise());
            wroteToStream = true;
        } else {
            lastWrite = peer.write(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (wroteToStream) {
            wroteToStream = false;
            peer.flush();
            // A tunnel stream flushes with the tunnel at the end of the loop's turn: waiting for that write would
            // take this socket's read interest out of epoll now and put it back then, two system calls per
            // message. While the stream is writable (within its flow-control window, below its high-water
            // mark) it has taken the batch; otherwise the stream's own relay half reads for us once it is.
            if (peer.isWritable()) {
                Relay.readIfOpen(ctx.channel());
            }
            return;
        }
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

    /** A tunnel stream that can take bytes again resumes the socket that writes into it (see above). */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (StreamFrames.isStream(ctx.channel()) && ctx.channel().isWritable() && peer.isActive()) {
            Relay.readIfOpen(peer);
        }
        ctx.fireChannelWritabilityChanged();
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
