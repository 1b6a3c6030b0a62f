package io.tollgate.dataplane.relay;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has neither read nor written for the idle timeout. On the downstream channel this
 * covers both directions of a relay, since every byte either way is read or written there. Pending output that
 * still drains counts as activity, so a slow reader is not mistaken for an idle one.
 */
public final class IdleCloser extends IdleStateHandler {
    private final Runnable onIdle;

    /** @param onIdle called on the event loop just before the close, to record why the connection ended */
    public IdleCloser(Duration timeout, Runnable onIdle) {
        super(true, 0, 0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        this.onIdle = onIdle;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        onIdle.run();
        ctx.close();
    }
}
