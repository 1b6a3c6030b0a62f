package io.tollgate.dataplane.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Flags;
import io.netty.handler.codec.http2.Http2FrameTypes;
import io.netty.handler.codec.http2.Http2RemoteFlowController;
import io.netty.handler.codec.http2.Http2Stream;

/**
 * A stream's bytes as one DATA frame written straight to the handler below the tunnel's (TLS), when nothing of the
 * stream waits in the flow controller, both windows take all of it and it fits the peer's frame size. The frame is
 * what Netty's encoder would write: the same header and the same window accounting (debited through the flow
 * controller, so its view of writability stays right), without its per-frame promise, queue record, aggregator and
 * distribution pass. Anything else goes through the encoder, which keeps the stream's frames in order.
 *
 * <p>Threading: the tunnel's event loop.
 */
final class DirectData {
    private static final Http2Flags NO_FLAGS = new Http2Flags();
    /** Up to this payload the frame is one buffer, the payload copied behind its header. */
    private static final int COPIED_PAYLOAD = 2048;

    private DirectData() {
    }

    /**
     * Writes {@code data} as a DATA frame of {@code stream} and takes ownership of it, or returns false and leaves it
     * to the caller. Throws only when debiting a window fails, before anything is written.
     */
    static boolean write(ChannelHandlerContext ctx, Http2ConnectionEncoder encoder, Http2Stream connectionStream,
                         Http2Stream stream, ByteBuf data) throws Http2Exception {
        int bytes = data.readableBytes();
        Http2RemoteFlowController flow = encoder.flowController();
        Http2Stream.State state = stream.state();
        if ((state != Http2Stream.State.OPEN && state != Http2Stream.State.HALF_CLOSED_REMOTE)
                || stream.isResetSent()
                || !ctx.channel().isActive()
                || bytes > encoder.configuration().frameSizePolicy().maxFrameSize()
                || flow.hasFlowControlled(stream)
                || flow.windowSize(stream) < bytes
                || flow.windowSize(connectionStream) < bytes) {
            return false;
        }
        flow.incrementWindowSize(connectionStream, -bytes);
        flow.incrementWindowSize(stream, -bytes);
        if (bytes <= COPIED_PAYLOAD) {
            // One buffer for header and payload: TLS would copy the two into one record's input anyway.
            ByteBuf frame = ctx.alloc().directBuffer(Http2CodecUtil.FRAME_HEADER_LENGTH + bytes);
            Http2CodecUtil.writeFrameHeader(frame, bytes, Http2FrameTypes.DATA, NO_FLAGS, stream.id());
            frame.writeBytes(data);
            data.release();
            ctx.write(frame, ctx.voidPromise());
        } else {
            ByteBuf header = ctx.alloc().directBuffer(Http2CodecUtil.FRAME_HEADER_LENGTH);
            Http2CodecUtil.writeFrameHeader(header, bytes, Http2FrameTypes.DATA, NO_FLAGS, stream.id());
            ctx.write(header, ctx.voidPromise());
            ctx.write(data, ctx.voidPromise());
        }
        return true;
    }
}
