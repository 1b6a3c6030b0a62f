package io.tollgate.dataplane.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

/**
 * What one tunnel stream delivers to the end that serves it (a workload socket on the sidecar, an upstream socket
 * or the admission decision on the gateway): the calls of the tunnel's {@link TunnelConnection}, on its event loop,
 * with no channel or pipeline of the stream's own in between.
 */
public interface StreamEnd {
    /** A HEADERS frame: the request on the gateway, the answer on the sidecar. */
    void onHeaders(TunnelStream stream, Http2Headers headers, boolean endStream);

    /**
     * A DATA frame's bytes (this end owns {@code data} and must release it), then, when {@code endStream}, the end of
     * the peer's output. The bytes count against the stream's window until {@link TunnelStream#consumed} says so.
     */
    void onData(TunnelStream stream, ByteBuf data, boolean endStream);

    /**
     * The stream may take more bytes again (its window opened, or the tunnel drained). Nothing to do for an end that
     * does not send on the stream.
     */
    default void onWritable(TunnelStream stream) {
    }

    /**
     * Bytes given to this end's socket during the tunnel's read are flushed now, one flush per read batch. Nothing to
     * do for an end that writes to no socket.
     */
    default void flush() {
    }

    /** The stream is closed: both ends finished, either reset it, or the tunnel went away. Called once. */
    void onClosed(TunnelStream stream);

    /** An end that takes nothing: what a stream has before its owner attaches one. */
    StreamEnd DISCARD = new StreamEnd() {
        @Override
        public void onHeaders(TunnelStream stream, Http2Headers headers, boolean endStream) {
        }

        @Override
        public void onData(TunnelStream stream, ByteBuf data, boolean endStream) {
            stream.consumed(data.readableBytes());
            data.release();
        }

        @Override
        public void onClosed(TunnelStream stream) {
        }
    };
}
