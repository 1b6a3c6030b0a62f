package io.tollgate.dataplane.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** HTTP/2 frames as they come off the wire (RFC 9113 section 4.1), for tests that play a tunnel's peer. */
public final class WireFrames {
    private WireFrames() {
    }

    /** A WINDOW_UPDATE of {@code increment} for {@code streamId} (0: the connection). */
    public static ByteBuf windowUpdate(int streamId, int increment) {
        return frame(streamId, 0x8, 0, Unpooled.buffer(4).writeInt(increment));
    }

    /** An empty SETTINGS frame: the sender keeps HTTP/2's defaults (64 KiB windows, 16 KiB frames). */
    public static ByteBuf emptySettings() {
        return frame(0, 0x4, 0, Unpooled.EMPTY_BUFFER);
    }

    /** One frame: the 9-byte header, then {@code payload}. */
    public static ByteBuf frame(int streamId, int type, int flags, ByteBuf payload) {
        ByteBuf frame = Unpooled.buffer(9 + payload.readableBytes());
        frame.writeMedium(payload.readableBytes()).writeByte(type).writeByte(flags).writeInt(streamId);
        return frame.writeBytes(payload);
    }
}
