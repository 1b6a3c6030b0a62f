package io.tollgate.dataplane.tunnel;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Lets a flush through to TLS only when something was written since the last one. The HTTP/2 codec flushes after
 * every read of the tunnel and the streams' flushes add more, most with nothing to send; {@code SslHandler} turns
 * each of those into an empty record's worth of work (a promise, a call into BoringSSL, its result object).
 * Sits between TLS and the codec, so TLS's own writes (handshake, tickets) never pass it.
 *
 * <p>Threading: the tunnel's event loop only.
 */
public final class EmptyFlushFilter extends ChannelDuplexHandler {
    private boolean written;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        written = true;
        ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (written) {
            written = false;
            ctx.flush();
        }
    }
}
