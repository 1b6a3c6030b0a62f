package io.tollgate.dataplane.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CoalescingBufferQueue;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DATA frames a tunnel stream sends: written directly while the windows take them, through the encoder's queue
 * when they do not, and on the wire in the order they were written either way, never beyond the peer's windows;
 * and how a stream whose socket closed ends: END_STREAM, then a reset only while the peer still sends.
 */
class TunnelDataFramesTest {
    /** HTTP/2's default windows, which the peer's empty SETTINGS leaves in force (RFC 9113 section 6.9.2). */
    private static final int WINDOW = 65_535;
    private static final int MAX_FRAME = 16_384;
    private EmbeddedChannel tunnel;
    private TunnelStream stream;

    @BeforeEach
    void openStream() {
        TunnelConnection h2 = TunnelCodec.client();
        tunnel = new EmbeddedChannel(h2);
        tunnel.writeInbound(WireFrames.emptySettings());
        stream = h2.open(new DefaultHttp2Headers().method("CONNECT").authority("db:3306"), StreamEnd.DISCARD)
                .orElseThrow();
        tunnel.releaseOutbound(); // preface, SETTINGS, its ACK, HEADERS
    }

    @AfterEach
    void close() {
        tunnel.finishAndReleaseAll();
    }

    @Test
    void smallWritesLeaveAsOneDataFrameEachInOrder() {
        List<byte[]> sent = List.of(bytes(64, 1), bytes(2048, 2), bytes(3000, 3), bytes(1, 4));
        sent.forEach(b -> stream.write(Unpooled.wrappedBuffer(b)));
        stream.flush();

        List<Frame> frames = written();
        assertThat(frames).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Frame frame = frames.get(i);
            assertThat(frame.type()).as("frame %d type", i).isEqualTo(0x0);
            assertThat(frame.flags()).as("frame %d flags", i).isZero();
            assertThat(frame.streamId()).isEqualTo(stream.id());
            assertThat(frame.payload()).as("frame %d payload", i).isEqualTo(sent.get(i));
        }
        assertThat(stream.isWritable()).isTrue();
    }

    @Test
    void whatTheWindowsDoNotTakeWaitsAndWhatFollowsWaitsBehindIt() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) { // 65,536 bytes: one more than the windows take
            byte[] chunk = bytes(MAX_FRAME, 10 + i);
            all.writeBytes(chunk);
            stream.write(Unpooled.wrappedBuffer(chunk));
        }
        byte[] tail = bytes(5, 99);
        all.writeBytes(tail);
        stream.write(Unpooled.wrappedBuffer(tail)); // small, with window to spare on neither level: queued behind
        stream.flush();

        byte[] first = payloads(written());
        assertThat(first.length).as("bytes sent before any window update").isEqualTo(WINDOW);
        assertThat(stream.isWritable()).isFalse();

        tunnel.writeInbound(WireFrames.windowUpdate(0, 1_000), WireFrames.windowUpdate(stream.id(), 1_000));
        stream.flush();
        byte[] rest = payloads(written());
        assertThat(rest.length).isEqualTo(1 + tail.length);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        received.writeBytes(first);
        received.writeBytes(rest);
        assertThat(received.toByteArray()).as("the bytes, in the order written").isEqualTo(all.toByteArray());
        assertThat(stream.isWritable()).isTrue();

        byte[] after = bytes(100, 7);
        stream.write(Unpooled.wrappedBuffer(after));
        stream.flush();
        assertThat(payloads(written())).as("once the queue is empty, a write goes out at once").isEqualTo(after);
    }

    @Test
    void aStreamThatSawTheSocketFullIsToldWhenItDrainedThoughTheFlowControllerSawNoChange() {
        // As under TLS: writes wait in a queue counted against the socket's writability until the flush, and Netty
        // reports both crossings of the water marks later, from the loop's queue.
        TunnelConnection h2 = TunnelCodec.client();
        EmbeddedChannel held = new EmbeddedChannel();
        held.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024, 2048));
        // Only the held bytes count, as when the socket takes each flush whole: no crossing is reported at once.
        held.config().setMessageSizeEstimator(() -> msg -> 0);
        held.pipeline().addLast(new HoldUntilFlush(), h2);
        held.writeInbound(WireFrames.emptySettings());
        WritableCount end = new WritableCount();
        TunnelStream waiting = h2.open(new DefaultHttp2Headers().method("CONNECT").authority("db:3306"), end)
                .orElseThrow();
        WritableCount bystanderEnd = new WritableCount();
        h2.open(new DefaultHttp2Headers().method("CONNECT").authority("db:3307"), bystanderEnd).orElseThrow();
        held.runPendingTasks();
        held.releaseOutbound();

        for (int round = 0; round < 3; round++) { // the first round settles the flow controller's view: writable
            waiting.write(Unpooled.wrappedBuffer(bytes(3000, 5)));
            assertThat(waiting.isWritable()).as("3,000 bytes held: above the high-water mark").isFalse();
            int before = end.count; // a relay that looked now would wait to be told
            waiting.flush();
            assertThat(held.isWritable()).as("drained by the flush").isTrue();
            held.runPendingTasks();
            assertThat(end.count).as("round %d: the waiting end was told it may write again", round)
                    .isGreaterThan(before);
            assertThat(bystanderEnd.count).as("a stream that never found the socket full is not told").isZero();
            held.releaseOutbound();
        }
        held.finishAndReleaseAll();
    }

    /** A stand-in for TLS's write queue: holds writes until a flush, counted against the socket's writability. */
    private static final class HoldUntilFlush extends ChannelOutboundHandlerAdapter {
        private CoalescingBufferQueue queue;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            queue = new CoalescingBufferQueue(ctx.channel(), 4, true);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            queue.add((ByteBuf) msg, promise);
        }

        /**
         * Takes the whole queue off before writing on: the embedded channel runs its queued tasks on each write, and
         * an event loop runs the writability events only after the flush, when the queue is empty again.
         */
        @Override
        public void flush(ChannelHandlerContext ctx) {
            if (!queue.isEmpty()) {
                ChannelPromise written = ctx.newPromise();
                ctx.write(queue.remove(ctx.alloc(), queue.readableBytes(), written), written);
            }
            ctx.flush();
        }
    }

    /** An end that counts how often it is told its stream may take bytes again. */
    private static final class WritableCount implements StreamEnd {
        int count;

        @Override
        public void onHeaders(TunnelStream stream, Http2Headers headers, boolean endStream) {
        }

        @Override
        public void onData(TunnelStream stream, ByteBuf data, boolean endStream) {
            data.release();
        }

        @Override
        public void onWritable(TunnelStream stream) {
            count++;
        }

        @Override
        public void onClosed(TunnelStream stream) {
        }
    }

    @Test
    void aSocketsCloseEndsTheStreamThenResetsItWhileThePeerStillSends() {
        stream.endOutputThenReset();

        List<Frame> frames = written();
        assertThat(frames).extracting(Frame::type).as("END_STREAM, then RST_STREAM").containsExactly(0x0, 0x3);
        assertThat(frames.getFirst().flags()).as("END_STREAM").isEqualTo(0x1);
        assertThat(frames.get(1).payload()).as("CANCEL").isEqualTo(new byte[] {0, 0, 0, 0x8});
        assertThat(stream.isOpen()).isFalse();
    }

    @Test
    void aSocketsCloseAfterThePeerEndedSendsOnlyEndStream() {
        tunnel.writeInbound(WireFrames.frame(stream.id(), 0x0, 0x1, Unpooled.EMPTY_BUFFER));

        stream.endOutputThenReset();

        assertThat(written()).as("both ends done: the stream closes without a reset")
                .extracting(Frame::type, Frame::flags).containsExactly(org.assertj.core.groups.Tuple.tuple(0x0, 0x1));
        assertThat(stream.isOpen()).isFalse();
    }

    private record Frame(int type, int flags, int streamId, byte[] payload) {
    }

    /** The frames written since the last call, parsed from the outbound bytes. */
    private List<Frame> written() {
        ByteBuf out = Unpooled.buffer();
        for (Object msg; (msg = tunnel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) msg;
            out.writeBytes(buf);
            buf.release();
        }
        List<Frame> frames = new ArrayList<>();
        while (out.isReadable()) {
            int length = out.readUnsignedMedium();
            int type = out.readUnsignedByte();
            int flags = out.readUnsignedByte();
            int id = out.readInt() & 0x7fff_ffff;
            byte[] payload = new byte[length];
            out.readBytes(payload);
            frames.add(new Frame(type, flags, id, payload));
        }
        return frames;
    }

    private byte[] payloads(List<Frame> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Frame frame : frames) {
            assertThat(frame.type()).as("only DATA").isZero();
            assertThat(frame.payload().length).as("within the peer's frame size").isLessThanOrEqualTo(MAX_FRAME);
            bytes.writeBytes(frame.payload());
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
