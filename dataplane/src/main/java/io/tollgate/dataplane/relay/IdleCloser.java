package io.tollgate.dataplane.relay;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Ticker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Closes a connection that has neither read nor written for the idle timeout. On the downstream channel this
 * covers both directions of a relay, since every byte either way is read or written there. Pending output that
 * still drains counts as activity, so a slow reader is not mistaken for an idle one.
 *
 * <p>Activity is the time of the last read or write call, taken from the loop's ticker; one timer per channel
 * checks it. Netty's {@code IdleStateHandler} would instead put a listener on every write's promise (turning void
 * promises into real ones): two objects and a notification per message, on every stage of a tunnel.
 *
 * <p>Threading: all on the channel's event loop.
 */
public final class IdleCloser extends ChannelDuplexHandler {
    private final long timeoutNanos;
    private final Runnable onIdle;
    private final LongSupplier progress;
    private Ticker ticker;
    private long lastActivity;
    private long lastPendingBytes;
    private long lastProgress;
    private Future<?> check;

    /** @param onIdle called on the event loop just before the close, to record why the connection ended */
    public IdleCloser(Duration timeout, Runnable onIdle) {
        this(timeout, onIdle, () -> 0);
    }

    /**
     * @param progress a figure that changes while bytes this channel relays still move elsewhere: for a socket
     *                 joined to a tunnel stream, what the stream's peer has let it send, which grows as a slow peer
     *                 reads what waits in the tunnel's flow control
     */
    public IdleCloser(Duration timeout, Runnable onIdle, LongSupplier progress) {
        this.timeoutNanos = timeout.toNanos();
        this.onIdle = onIdle;
        this.progress = progress;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start(ctx);
        }
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
        ctx.fireChannelRegistered();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (ticker != null) {
            lastActivity = ticker.nanoTime();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (ticker != null) {
            lastActivity = ticker.nanoTime();
        }
        ctx.write(msg, promise);
    }

    private void start(ChannelHandlerContext ctx) {
        if (ticker != null || timeoutNanos <= 0) {
            return;
        }
        ticker = ctx.executor().ticker();
        lastActivity = ticker.nanoTime();
        schedule(ctx, timeoutNanos);
    }

    private void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        check = null;
        if (!ctx.channel().isOpen()) {
            return;
        }
        long now = ticker.nanoTime();
        long left = lastActivity + timeoutNanos - now;
        if (left > 0) {
            schedule(ctx, left);
            return;
        }
        if (outputDrained(ctx)) {
            schedule(ctx, timeoutNanos);
            return;
        }
        onIdle.run();
        ctx.close();
    }

    /** Whether output has left the channel's buffer since the last look: a slow reader taking bytes is not idle. */
    private boolean outputDrained(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        long pending = buffer != null ? buffer.totalPendingWriteBytes() : 0;
        long elsewhere = progress.getAsLong();
        boolean moved = pending != lastPendingBytes || elsewhere != lastProgress;
        lastPendingBytes = pending;
        lastProgress = elsewhere;
        return moved;
    }
}
