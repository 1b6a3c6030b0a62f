package io.tollgate.dataplane.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one handler of a tunnel: HTTP/2 framing and flow control, and a map from stream id to the {@link TunnelStream}
 * that serves it. DATA goes straight to the stream's {@link StreamEnd} (a socket write, no frame object, no child
 * channel, no pipeline of the stream's own); the ends' bytes go as DATA frames straight to TLS while they may
 * ({@link DirectData}), else through the encoder. The sockets written during one read of the tunnel are flushed once
 * at its end, then the tunnel (window updates, answers).
 *
 * <p>Threading: the tunnel's event loop, which is also the loop of every socket its streams serve.
 */
public final class TunnelConnection extends Http2ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelConnection.class);
    private final IntObjectMap<TunnelStream> streams = new IntObjectHashMap<>();
    private final List<TunnelStream> written = new ArrayList<>();
    /** Streams found unwritable since the socket's last writability event ({@link #channelWritabilityChanged}). */
    private final List<TunnelStream> refused = new ArrayList<>();
    private Consumer<TunnelStream> incoming = TunnelStream::reset;
    private Runnable goAwayHeard = () -> { };
    private Runnable streamClosed = () -> { };
    private ChannelHandlerContext ctx;
    /** Read batches that asked for a flush in the current turn, and whether the last turn had several. */
    private int batchesThisTurn;
    private boolean busy;
    private boolean flushLater;
    private final Runnable endOfTurn = () -> {
        busy = batchesThisTurn > 1;
        batchesThisTurn = 0;
        if (flushLater) {
            flushLater = false;
            flush(ctx);
        }
    };

    private TunnelConnection(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
        super(decoder, encoder, settings);
        decoder.frameListener(new Frames());
        encoder.flowController().listener(this::writabilityChanged);
        connection().addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamClosed(Http2Stream stream) {
                closed(stream);
            }
        });
    }

    /** A handler for a tunnel's client end (the sidecar) or server end (the gateway). */
    static TunnelConnection create(boolean server, Http2Settings settings) {
        return new Builder().server(server).initialSettings(settings).build();
    }

    /** Streams the peer opens are handed to {@code incoming}, which attaches their end (the default resets them). */
    public void onIncoming(Consumer<TunnelStream> incoming) {
        this.incoming = incoming;
    }

    /** {@code heard} runs when the peer sends GOAWAY. */
    public void onGoAway(Runnable heard) {
        this.goAwayHeard = heard;
    }

    /** {@code closed} runs after each stream's close. */
    public void onStreamClosed(Runnable closed) {
        this.streamClosed = closed;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.handlerAdded(ctx);
    }

    Channel channel() {
        return ctx.channel();
    }

    /** Opens a stream with {@code request} as its HEADERS, flushed; empty when the tunnel takes no new stream. */
    public Optional<TunnelStream> open(Http2Headers request, StreamEnd end) {
        if (!ctx.channel().isActive() || connection().goAwayReceived()) {
            return Optional.empty();
        }
        int id = connection().local().incrementAndGetNextStreamId();
        if (id < 0) {
            return Optional.empty();
        }
        encoder().writeHeaders(ctx, id, request, 0, false, ctx.newPromise());
        Http2Stream created = connection().stream(id);
        if (created == null || created.state() == Http2Stream.State.CLOSED) {
            return Optional.empty();
        }
        TunnelStream stream = new TunnelStream(this, created);
        stream.attach(end);
        streams.put(id, stream);
        flushNow();
        return Optional.of(stream);
    }

    /** Sends GOAWAY (no error): the peer opens no more streams here, those open go on. */
    public void goAway() {
        goAway(ctx, connection().remote().lastStreamCreated(), Http2Error.NO_ERROR.code(), ctx.alloc().buffer(0),
                ctx.newPromise());
        flushNow();
    }

    /** Raises the connection's receive window by {@code delta} (a WINDOW_UPDATE on stream 0), flushed. */
    public void widenConnectionWindow(int delta) {
        try {
            connection().local().flowController().incrementWindowSize(connection().connectionStream(), delta);
        } catch (Http2Exception e) {
            onError(ctx, true, e);
        }
        flushNow();
    }

    ChannelFuture writeData(TunnelStream stream, ByteBuf data, boolean endStream) {
        return encoder().writeData(ctx, stream.id(), data, 0, endStream, endStream ? ctx.newPromise() : ctx.voidPromise());
    }

    /**
     * Writes {@code data} (taking ownership) as one DATA frame straight to TLS when it may go now
     * ({@link DirectData}); else hands it to the encoder, which queues it until the windows take it.
     */
    void writeBytes(TunnelStream stream, ByteBuf data) {
        try {
            if (DirectData.write(ctx, encoder(), connection().connectionStream(), stream.http2(), data)) {
                return;
            }
        } catch (Http2Exception e) {
            data.release();
            onError(ctx, true, e);
            flushNow();
            return;
        }
        writeData(stream, data, false);
    }

    void writeHeaders(TunnelStream stream, Http2Headers headers, boolean endStream) {
        encoder().writeHeaders(ctx, stream.id(), headers, 0, endStream, ctx.newPromise());
    }

    void reset(TunnelStream stream) {
        // Flushed first: a reset drops the stream's frames still queued, bytes written just before it included.
        flushNow();
        if (stream.isOpen()) {
            resetStream(ctx, stream.id(), Http2Error.CANCEL.code(), ctx.newPromise());
            flushNow();
        }
    }

    void flushNow() {
        flush(ctx);
    }

    /**
     * Flushes for a stream whose socket's read batch ended. While the loop's turns carry one such batch at most (a
     * lone connection, a low rate) the flush goes out at once: the message waits for nothing. Once a turn has seen
     * several, the flushes of each turn wait for its end and go out together, so the streams answered by one turn's
     * reads share a TLS record and a write (what connections of their own could not). One reusable task per turn,
     * not per message.
     */
    void flushBatch() {
        batchesThisTurn++;
        if (batchesThisTurn == 1) {
            ctx.executor().execute(endOfTurn);
            if (!busy) {
                flush(ctx);
                return;
            }
        }
        flushLater = true;
    }

    boolean isWritable(TunnelStream stream) {
        return encoder().flowController().isWritable(stream.http2());
    }

    void consumed(TunnelStream stream, int bytes) {
        if (stream.http2().state() == Http2Stream.State.CLOSED) {
            return;
        }
        try {
            connection().local().flowController().consumeBytes(stream.http2(), bytes);
        } catch (Http2Exception e) {
            onError(ctx, true, e);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        // The sockets first: their bytes are what someone waits for; then the tunnel (window updates, answers).
        for (int i = 0; i < written.size(); i++) {
            TunnelStream stream = written.get(i);
            stream.written = false;
            stream.end().flush();
        }
        written.clear();
        super.channelReadComplete(ctx);
    }

    /**
     * An end that threw has a bug; it costs its own stream, not the tunnel's other streams (the decoder would turn
     * the exception into a connection error).
     */
    private void failed(TunnelStream stream, RuntimeException bug) {
        LOG.warn("tunnel stream {} on {}: its end failed; resetting the stream", stream.id(), ctx.channel(), bug);
        stream.reset();
    }

    /**
     * The flow controller tells of a stream's writability only when its own view of it changed. Writes that wait in
     * TLS count against the socket's writability, and Netty reports both the rise above the high-water mark and the
     * fall below the low one later, from the event loop's queue. A relay can see the socket unwritable in between, and
     * the flush at the end of the turn can drain it before either event runs: the controller then sees no change and
     * tells nobody. The relay would wait for ever. So every writability event the socket fires while writable
     * tells each stream that found itself unwritable since ({@link #refused}) and can take bytes now.
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        super.channelWritabilityChanged(ctx);
        if (!ctx.channel().isWritable() || refused.isEmpty()) {
            return;
        }
        TunnelStream[] waiting = refused.toArray(new TunnelStream[0]);
        refused.clear();
        for (TunnelStream stream : waiting) {
            stream.refused = false;
            // Told ends may write and find the socket full again: they are listed anew for the next event.
            if (stream.isWritable()) {
                stream.end().onWritable(stream);
            }
        }
    }

    /** {@code stream} was found unwritable: it is told at the socket's next writability event if it may write. */
    void refused(TunnelStream stream) {
        if (!stream.refused) {
            stream.refused = true;
            refused.add(stream);
        }
    }

    private void writabilityChanged(Http2Stream stream) {
        TunnelStream tunnelStream = streams.get(stream.id());
        if (tunnelStream != null && encoder().flowController().isWritable(stream)) {
            tunnelStream.end().onWritable(tunnelStream);
        }
    }

    private void closed(Http2Stream stream) {
        TunnelStream tunnelStream = streams.remove(stream.id());
        if (tunnelStream == null) {
            return;
        }
        tunnelStream.markClosed();
        if (tunnelStream.refused) {
            tunnelStream.refused = false;
            refused.remove(tunnelStream);
        }
        tunnelStream.end().onClosed(tunnelStream);
        streamClosed.run();
    }

    /** What the decoder reads, delivered to the streams' ends. */
    private final class Frames extends Http2FrameAdapter {
        @Override
        public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
            TunnelStream stream = streams.get(streamId);
            if (stream == null) {
                return data.readableBytes() + padding;
            }
            if (!stream.written) {
                stream.written = true;
                written.add(stream);
            }
            // The data's bytes go back to the window when the end has written them on (TunnelStream.consumed).
            try {
                stream.end().onData(stream, data.retain(), endOfStream);
            } catch (RuntimeException bug) {
                failed(stream, bug);
            }
            return padding;
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
                                  boolean endOfStream) {
            TunnelStream stream = streams.get(streamId);
            if (stream == null) {
                Http2Stream opened = connection().stream(streamId);
                if (opened == null) {
                    return;
                }
                stream = new TunnelStream(TunnelConnection.this, opened);
                streams.put(streamId, stream);
                incoming.accept(stream);
                if (!stream.isOpen()) {
                    return;
                }
            }
            try {
                stream.end().onHeaders(stream, headers, endOfStream);
            } catch (RuntimeException bug) {
                failed(stream, bug);
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                                  short weight, boolean exclusive, int padding, boolean endOfStream) {
            onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public void onWindowUpdateRead(ChannelHandlerContext ctx, int streamId, int windowSizeIncrement) {
            TunnelStream stream = streams.get(streamId);
            if (stream != null) {
                stream.granted += windowSizeIncrement;
            }
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData) {
            goAwayHeard.run();
        }
    }

    /** Netty's builder, for the settings a tunnel uses ({@link TunnelCodec}). */
    static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<TunnelConnection, Builder> {
        @Override
        protected Builder server(boolean isServer) {
            return super.server(isServer);
        }

        @Override
        protected Builder initialSettings(Http2Settings settings) {
            return super.initialSettings(settings)
                    // Both ends are authenticated mesh members, and every workload connection that ends abruptly
                    // ends its stream with a reset: the rapid-reset guard, made for anonymous HTTP clients, would
                    // close a busy tunnel with all its streams.
                    .decoderEnforceMaxRstFramesPerWindow(0, 0)
                    .encoderEnforceMaxRstFramesPerWindow(0, 0)
                    // A tunnel lives as long as its connections: closing it waits for none.
                    .gracefulShutdownTimeoutMillis(0);
        }

        @Override
        protected TunnelConnection build() {
            return super.build();
        }

        @Override
        protected TunnelConnection build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
                                         Http2Settings initialSettings) {
            return new TunnelConnection(decoder, encoder, initialSettings);
        }
    }
}
