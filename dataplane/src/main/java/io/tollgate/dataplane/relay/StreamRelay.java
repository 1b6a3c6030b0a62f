package io.tollgate.dataplane.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.dataplane.tunnel.StreamEnd;
import io.tollgate.dataplane.tunnel.TunnelStream;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Relays between a socket and a tunnel stream, both ways, as one handler: it sits in the socket's pipeline (the
 * sidecar's workload connection, the gateway's upstream) and is the stream's {@link StreamEnd}.
 *
 * <ul>
 *   <li>socket to stream: each read goes to the encoder as DATA, the read batch ends with a tunnel flush (shared
 *       with the other streams whose sockets the same loop turn read, {@link TunnelStream#flushBatch}), and the
 *       socket reads again only while the stream is writable (its window open, the tunnel socket below its
 *       high-water mark); otherwise the stream's writability change resumes it;</li>
 *   <li>stream to socket: DATA is written to the socket as it arrives, flushed once per read of the tunnel; its
 *       bytes go back to the stream's window at once while the socket is writable, else when it drains, so a slow
 *       reader stops its sender within a window;</li>
 *   <li>the socket's end of input is END_STREAM, the peer's END_STREAM a half-close of the socket; the socket's
 *       close resets a stream still open, the stream's close (reset, or both ends done) closes the socket.</li>
 * </ul>
 *
 * <p>Threading: the socket and the tunnel share one event loop, so nothing here needs synchronisation.
 */
public final class StreamRelay extends ChannelInboundHandlerAdapter implements StreamEnd {
    private final TunnelStream stream;
    private final LongConsumer fromStream;
    private final Runnable onSocketClosed;
    private final Runnable onStreamClosed;
    private final Channel socket;
    private boolean waitingForWindow;
    private int owed;

    private StreamRelay(Channel socket, TunnelStream stream, LongConsumer fromStream, Runnable onSocketClosed,
                        Runnable onStreamClosed) {
        this.socket = socket;
        this.stream = stream;
        this.fromStream = fromStream;
        this.onSocketClosed = onSocketClosed;
        this.onStreamClosed = onStreamClosed;
    }

    /**
     * Joins {@code socket}, whose pipeline holds an {@link InputHold}, to {@code stream}: the hold becomes this relay,
     * held bytes go out first, a held end of input is passed on, and both start. {@code fromStream} counts the bytes
     * the stream delivers; {@code onSocketClosed} runs when the socket closes while the stream is open,
     * {@code onStreamClosed} when the stream closes (whichever went first). Call on the tunnel's loop.
     */
    public static void start(Channel socket, TunnelStream stream, LongConsumer fromStream, Runnable onSocketClosed,
                             Runnable onStreamClosed) {
        InputHold hold = socket.pipeline().get(InputHold.class);
        if (hold == null) {
            throw new IllegalStateException("socket pipeline has no InputHold: " + socket.pipeline().names());
        }
        List<Object> held = hold.takeHeld();
        boolean inputEnded = hold.inputEnded();
        StreamRelay relay = new StreamRelay(socket, stream, fromStream, onSocketClosed, onStreamClosed);
        socket.pipeline().replace(hold, "relay", relay);
        stream.attach(relay);
        held.forEach(relay::forward);
        if (inputEnded) {
            stream.endOutput();
        } else {
            Relay.readIfOpen(socket);
        }
        stream.flush();
    }

    /**
     * Joins a connected {@code socket} with AUTO_READ off to {@code stream}, this relay going into its pipeline
     * before {@code before}; bytes the stream delivered meanwhile ({@code held}, owned by the callee now, already
     * counted against the window) are written first. Call on the tunnel's loop.
     */
    public static void join(Channel socket, String before, TunnelStream stream, List<ByteBuf> held, boolean inputEnded,
                            LongConsumer fromStream, Runnable onSocketClosed, Runnable onStreamClosed) {
        StreamRelay relay = new StreamRelay(socket, stream, fromStream, onSocketClosed, onStreamClosed);
        socket.pipeline().addBefore(before, "relay", relay);
        stream.attach(relay);
        for (ByteBuf bytes : held) {
            relay.onData(stream, bytes, false);
        }
        if (inputEnded) {
            Relay.shutdownOutputOnFlush(socket);
        } else {
            socket.flush();
        }
        Relay.readIfOpen(socket);
    }

    // Socket to stream.

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        forward(msg);
    }

    private void forward(Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            stream.write(bytes);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        stream.flushBatch();
        if (stream.isWritable()) {
            Relay.readIfOpen(socket);
        } else if (stream.isOpen()) {
            waitingForWindow = true;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            // The socket will send no more: END_STREAM, and the other direction goes on.
            stream.endOutput();
            stream.flush();
            if (socket instanceof DuplexChannel duplex && duplex.isOutputShutdown()) {
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (socket.isWritable() && owed > 0) {
            stream.consumed(owed);
            owed = 0;
            stream.flush();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (stream.isOpen()) {
            onSocketClosed.run();
            // What was read is sent, then the stream ends; a reset then tells the peer to send nothing more either.
            stream.endOutputThenReset();
        }
        ctx.fireChannelInactive();
    }

    // Stream to socket.

    @Override
    public void onHeaders(TunnelStream stream, Http2Headers headers, boolean endStream) {
        // Trailers mean nothing on a byte stream; an END_STREAM on them still ends the input.
        if (endStream) {
            Relay.shutdownOutputOnFlush(socket);
        }
    }

    @Override
    public void onData(TunnelStream stream, ByteBuf data, boolean endStream) {
        int bytes = data.readableBytes();
        if (bytes > 0 && socket.isActive()) {
            fromStream.accept(bytes);
            socket.write(data, socket.voidPromise());
        } else {
            data.release();
        }
        if (socket.isWritable() || !socket.isActive()) {
            stream.consumed(bytes);
        } else {
            owed += bytes;
        }
        if (endStream) {
            Relay.shutdownOutputOnFlush(socket);
        }
    }

    @Override
    public void onWritable(TunnelStream stream) {
        if (waitingForWindow) {
            waitingForWindow = false;
            Relay.readIfOpen(socket);
        }
    }

    @Override
    public void flush() {
        socket.flush();
    }

    @Override
    public void onClosed(TunnelStream stream) {
        onStreamClosed.run();
        Relay.closeOnFlush(socket);
    }
}
