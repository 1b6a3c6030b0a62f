package io.tollgate.dataplane.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RelayHandlerTest {

    /** Counts read() requests on a channel. */
    private static final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int reads;

        @Override
        public void read(ChannelHandlerContext ctx) {
            reads++;
            ctx.read();
        }
    }

    /** Holds writes unacknowledged, like a socket whose send buffer is full, until released. */
    private static final class StalledSocket extends ChannelOutboundHandlerAdapter {
        final List<ChannelPromise> pending = new ArrayList<>();
        final List<String> written = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ByteBuf bytes = (ByteBuf) msg;
            written.add(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
            pending.add(promise);
        }

        void drain() {
            pending.forEach(ChannelPromise::setSuccess);
            pending.clear();
        }
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    @Test
    void readsAgainOnlyAfterThePeerAcceptedTheWholeBatch() {
        StalledSocket socket = new StalledSocket();
        EmbeddedChannel upstream = new EmbeddedChannel(socket);
        ReadCounter reads = new ReadCounter();
        EmbeddedChannel downstream = new EmbeddedChannel(reads, new RelayHandler(upstream));
        downstream.config().setAutoRead(false);
        int before = reads.reads;

        downstream.writeInbound(bytes("one"), bytes("two"));

        assertThat(socket.written).containsExactly("one", "two");
        assertThat(reads.reads).as("no read while the peer has not taken the batch").isEqualTo(before);
        socket.drain();
        downstream.runPendingTasks();
        assertThat(reads.reads).isEqualTo(before + 1);
    }

    @Test
    void anEmptyBatchStillAsksForMore() {
        EmbeddedChannel upstream = new EmbeddedChannel();
        ReadCounter reads = new ReadCounter();
        EmbeddedChannel downstream = new EmbeddedChannel(reads, new RelayHandler(upstream));
        downstream.config().setAutoRead(false);
        int before = reads.reads;
        downstream.pipeline().fireChannelReadComplete();
        assertThat(reads.reads).isEqualTo(before + 1);
    }

    @Test
    void aClosedSideClosesThePeerAfterItsPendingBytes() {
        EmbeddedChannel upstream = new EmbeddedChannel();
        EmbeddedChannel downstream = new EmbeddedChannel(new RelayHandler(upstream));
        downstream.writeInbound(bytes("last words"));
        downstream.close();
        upstream.runPendingTasks();
        ByteBuf delivered = upstream.readOutbound();
        assertThat(delivered.toString(StandardCharsets.US_ASCII)).isEqualTo("last words");
        delivered.release();
        assertThat(upstream.isOpen()).isFalse();
    }

    @Test
    void bytesForAClosedPeerAreReleased() {
        EmbeddedChannel upstream = new EmbeddedChannel();
        upstream.close();
        EmbeddedChannel downstream = new EmbeddedChannel(new RelayHandler(upstream));
        ByteBuf late = bytes("late");
        downstream.writeInbound(late);
        assertThat(late.refCnt()).isZero();
    }

    @Test
    void endOfInputOnANonDuplexChannelEndsThePeer() {
        EmbeddedChannel upstream = new EmbeddedChannel();
        EmbeddedChannel downstream = new EmbeddedChannel(new RelayHandler(upstream));
        downstream.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        upstream.runPendingTasks();
        assertThat(upstream.isOpen()).isFalse();
        assertThat(downstream.isOpen()).as("the other direction may still carry bytes").isTrue();
    }

    @Test
    void countsBytesItPassesOn() {
        long[] total = {0};
        EmbeddedChannel channel = new EmbeddedChannel(new ByteCounter(n -> total[0] += n));
        channel.writeInbound(bytes("12345"), bytes("678"));
        assertThat(total[0]).isEqualTo(8);
        channel.finishAndReleaseAll();
    }
}
