package io.tollgate.dataplane.tunnel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DATA frames a tunnel stream sends: one per write while the windows take them, held when they do not, and on
 * the wire in the order they were written, never beyond the peer's windows.
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
    void smallWritesLeaveAsDataOfTheirStreamInOrder() {
        List<byte[]> sent = List.of(bytes(64, 1), bytes(2048, 2), bytes(3000, 3), bytes(1, 4));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        sent.forEach(b -> {
            all.writeBytes(b);
            stream.write(Unpooled.wrappedBuffer(b));
        });
        stream.flush();

        List<Frame> frames = written();
        assertThat(frames).isNotEmpty().allSatisfy(frame -> {
            assertThat(frame.flags()).as("no END_STREAM, no padding").isZero();
            assertThat(frame.streamId()).isEqualTo(stream.id());
        });
        assertThat(payloads(frames)).as("the bytes, in the order written").isEqualTo(all.toByteArray());
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
