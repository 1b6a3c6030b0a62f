package io.tollgate.dataplane.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;

/**
 * One stream of a tunnel as its end sees it: bytes out as DATA frames, the end of output as END_STREAM, a close as
 * RST_STREAM, and the flow-control window given back as the bytes in are written on. Not a channel: what the
 * stream delivers goes straight to the {@link StreamEnd} attached to it.
 *
 * <p>Writes are not flushed: the end flushes once per read batch ({@link #flush}), and the tunnel flushes after each
 * of its own reads.
 *
 * <p>Threading: the tunnel's event loop only.
 */
public final class TunnelStream {
    private final TunnelConnection tunnel;
    private final Http2Stream stream;
    private StreamEnd end = StreamEnd.DISCARD;
    private boolean outputEnded;
    private boolean closed;
    /** The END_STREAM write, once there is one. */
    private ChannelFuture ended;
    /** Whether bytes went to the end during the tunnel's current read: it is flushed at the read's end. */
    boolean written;
    /** Whether the tunnel lists this stream as found unwritable ({@link TunnelConnection#refused}). */
    boolean refused;
    /** The sum of the peer's window updates for this stream. */
    long granted;

    TunnelStream(TunnelConnection tunnel, Http2Stream stream) {
        this.tunnel = tunnel;
        this.stream = stream;
    }

    /** Makes {@code end} the receiver of what this stream delivers from now on. */
    public void attach(StreamEnd end) {
        this.end = end;
    }

    StreamEnd end() {
        return end;
    }

    Http2Stream http2() {
        return stream;
    }

    public int id() {
        return stream.id();
    }

    /** The tunnel's connection, for its event loop and allocator. */
    public Channel tunnel() {
        return tunnel.channel();
    }

    /** Sends {@code data} (taking ownership); dropped once the output has ended or the stream closed. */
    public void write(ByteBuf data) {
        if (outputEnded || closed) {
            data.release();
            return;
        }
        tunnel.writeBytes(this, data);
    }

    /** Sends HEADERS; {@code endStream} ends the output with them. */
    public void headers(Http2Headers headers, boolean endStream) {
        if (outputEnded || closed) {
            return;
        }
        outputEnded = endStream;
        tunnel.writeHeaders(this, headers, endStream);
    }

    /** Sends END_STREAM after what was written (once). */
    public void endOutput() {
        if (outputEnded || closed) {
            return;
        }
        outputEnded = true;
        ended = tunnel.writeData(this, Unpooled.EMPTY_BUFFER, true);
    }

    /**
     * Ends the output and, once END_STREAM has gone out (after bytes still waiting for the peer's window), resets
     * the stream unless the peer has ended too: for a socket that closed while the stream was open. Flushed: a
     * socket closes outside any read of the tunnel, and nothing else may flush it soon (a quiet connection whose
     * upstream closed would keep its workload waiting for the next byte of any stream).
     */
    public void endOutputThenReset() {
        endOutput();
        if (ended == null) {
            reset();
        } else {
            // Netty has already marked the local end closed when the frame went out: HALF_CLOSED_LOCAL means the
            // peer is still sending. A peer that had ended closes the stream with this frame; a failed END_STREAM
            // means the peer reset the stream or the tunnel went away, and a reset must not answer a reset.
            ended.addListener(sent -> {
                if (sent.isSuccess() && stream.state() == Http2Stream.State.HALF_CLOSED_LOCAL) {
                    reset();
                }
            });
            tunnel.flushNow();
        }
    }

    /** Resets the stream (CANCEL) unless it is closed already, and flushes. */
    public void reset() {
        if (!closed) {
            tunnel.reset(this);
        }
    }

    /** Flushes the tunnel. */
    public void flush() {
        tunnel.flushNow();
    }

    /**
     * Flushes the tunnel at the end of a socket's read batch: at once for the turn's first, at the turn's end for
     * the others ({@link TunnelConnection#flushBatch}).
     */
    public void flushBatch() {
        tunnel.flushBatch();
    }

    /**
     * Whether the stream's window and the tunnel's socket take more bytes now. A stream that does not is told when it
     * does ({@link StreamEnd#onWritable}).
     */
    public boolean isWritable() {
        if (closed) {
            return false;
        }
        if (tunnel.isWritable(this)) {
            return true;
        }
        tunnel.refused(this);
        return false;
    }

    /** Gives {@code bytes} received on this stream back to the peer's window (unflushed). */
    public void consumed(int bytes) {
        if (!closed && bytes > 0) {
            tunnel.consumed(this, bytes);
        }
    }

    /**
     * How many bytes the peer has let this stream send so far (its WINDOW_UPDATEs added up): it grows as the peer
     * reads, so bytes waiting in the flow controller for a slow reader show as moving while it does.
     */
    public long sendProgress() {
        return granted;
    }

    public boolean isOpen() {
        return !closed;
    }

    public boolean outputEnded() {
        return outputEnded;
    }

    void markClosed() {
        closed = true;
    }
}
