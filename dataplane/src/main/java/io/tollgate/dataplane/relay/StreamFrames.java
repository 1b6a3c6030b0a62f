package io.tollgate.dataplane.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelOption;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * Makes one HTTP/2 stream of a tunnel look like a TCP connection to the handlers behind it, so the relay, the
 * byte counter and the idle closer work on it unchanged: DATA frames in become bytes, bytes out become DATA
 * frames, the peer's END_STREAM becomes a {@link ChannelInputShutdownEvent} (a half-close), and
 * {@link #endOutput} sends ours. The stream's HEADERS are not bytes: they go on as a {@link Headers} event for
 * whoever opens or answers the tunnel request (an event, so that a hold for early bytes lets it pass), and nothing
 * is relayed before that exchange is done.
 *
 * <p>An empty buffer written to the stream (a flush marker) is not sent: an empty DATA frame without END_STREAM
 * means nothing, and peers count runs of them as abuse.
 *
 * <p>Flow control: the bytes of DATA frames are given back to the peer here, in steps of {@link #RETURN_STEP},
 * rather than by Netty's stream channel after every read (a WINDOW_UPDATE frame, a promise and a trip through
 * the codec per message). They are given back as they are read, which the relay does only once the previous
 * batch was written on, so a slow reader still stops its sender. A stream holds back less than one step, and
 * a closed stream's unreturned bytes go back to the connection with it, so the held bytes of all a tunnel's
 * streams ({@code MAX_STREAMS} steps at most) stay within the connection window.
 */
public final class StreamFrames extends ChannelDuplexHandler {
    /** Bytes a stream gives back at once; with the tunnel's 1,000 streams at most, 16 MiB of window in all. */
    static final int RETURN_STEP = 16 * 1024;
    /** One per tunnel: its flush queued for the end of the loop's turn, shared by every stream that wrote. */
    private static final AttributeKey<TunnelFlush> FLUSH = AttributeKey.valueOf(StreamFrames.class, "flush");
    private boolean outputEnded;
    private int unreturned;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (isStream(ctx.channel())) {
            ctx.channel().config().setOption(Http2StreamChannelOption.AUTO_STREAM_FLOW_CONTROL, false);
        }
    }

    /** A HEADERS frame received on the stream: the request on the gateway, the answer on the sidecar. */
    public record Headers(Http2Headers headers, boolean endStream) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Http2DataFrame data) {
            boolean end = data.isEndStream();
            giveBack(ctx, data.initialFlowControlledBytes());
            ByteBuf content = data.content();
            if (content.isReadable()) {
                ctx.fireChannelRead(content);
            } else {
                content.release();
            }
            if (end) {
                ctx.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
            }
        } else if (msg instanceof Http2HeadersFrame headers) {
            ctx.fireUserEventTriggered(new Headers(headers.headers(), headers.isEndStream()));
            if (headers.isEndStream()) {
                ctx.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
            }
        } else {
            // Resets close the channel on their own; anything else (priority, unknown frames) has no meaning here.
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            if (outputEnded || !bytes.isReadable()) {
                bytes.release();
                promise.trySuccess();
                return;
            }
            ctx.write(new DefaultHttp2DataFrame(bytes, false), promise);
            return;
        }
        if (msg instanceof Http2DataFrame data && data.isEndStream()) {
            if (outputEnded) {
                data.release();
                promise.trySuccess();
                return;
            }
            outputEnded = true;
        }
        if (msg instanceof Http2HeadersFrame headers && headers.isEndStream()) {
            outputEnded = true;
        }
        ctx.write(msg, promise);
    }

    /**
     * Flushes the tunnel, not the stream, and once per turn of the event loop: the streams that write in one turn
     * (several connections answered by one read of their sockets) leave in one write to the socket, often in one
     * TLS record, where connections of their own would each need their own. The flush runs after the I/O the loop
     * is handling now, so a lone stream waits only for that.
     */
    @Override
    public void flush(ChannelHandlerContext ctx) {
        Channel tunnel = ctx.channel().parent();
        if (tunnel == null) {
            ctx.flush();
            return;
        }
        TunnelFlush flush = tunnel.attr(FLUSH).get();
        if (flush == null) {
            flush = new TunnelFlush(tunnel);
            tunnel.attr(FLUSH).set(flush);
        }
        flush.queue();
    }

    /** Counts {@code bytes} as read and, once a step's worth is, gives them back to the peer (unflushed). */
    private void giveBack(ChannelHandlerContext ctx, int bytes) {
        unreturned += bytes;
        if (unreturned >= RETURN_STEP && ctx.channel().isActive()) {
            ctx.write(new DefaultHttp2WindowUpdateFrame(unreturned));
            unreturned = 0;
            flush(ctx);
        }
    }

    /**
     * The tunnel's flush at the end of the loop's turn: one object per tunnel, queued at most once at a time, so
     * a turn's writes cost no task of their own. Threading: the tunnel's event loop only.
     */
    private static final class TunnelFlush implements Runnable {
        private final Channel tunnel;
        private boolean queued;

        TunnelFlush(Channel tunnel) {
            this.tunnel = tunnel;
        }

        void queue() {
            if (!queued) {
                queued = true;
                tunnel.eventLoop().execute(this);
            }
        }

        @Override
        public void run() {
            queued = false;
            tunnel.flush();
        }
    }

    /** Whether {@code channel} is a tunnel stream; such a channel is half-closed with {@link #endOutput}. */
    public static boolean isStream(Channel channel) {
        return channel instanceof Http2StreamChannel;
    }

    /** Sends END_STREAM after what was written before (once; later calls only flush). */
    public static ChannelFuture endOutput(Channel stream) {
        return stream.writeAndFlush(new DefaultHttp2DataFrame(true));
    }

    /** Whether END_STREAM has gone out on {@code stream}. */
    public static boolean outputEnded(Channel stream) {
        StreamFrames frames = stream.pipeline().get(StreamFrames.class);
        return frames == null || frames.outputEnded;
    }
}
