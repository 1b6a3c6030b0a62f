package io.tollgate.dataplane.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idle timeout on a tunnel stream whose peer reads slowly: the stream's bytes wait in the tunnel's flow
 * controller, not in a buffer of the stream's own, and while the peer's window updates drain them the stream is not
 * idle; once nothing drains for a whole timeout, it is.
 */
class IdleCloserStreamTest {
    private static final int FRAME = 32 * 1024;

    @Test
    void aStreamWhosePeerKeepsReadingIsNotIdleAndOneThatStopsIs() {
        AtomicInteger idle = new AtomicInteger();
        EmbeddedChannel tunnel = new EmbeddedChannel(Http2FrameCodecBuilder.forClient().build(),
                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
        tunnel.freezeTime();
        tunnel.writeInbound(frame(0, 0x4, 0, Unpooled.EMPTY_BUFFER)); // the server's SETTINGS: default 64 KiB windows
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(tunnel)
                .handler(new IdleCloser(Duration.ofSeconds(30), idle::incrementAndGet)).open().syncUninterruptibly().getNow();
        stream.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("CONNECT").authority("db:3306")));
        for (int i = 0; i < 4; i++) {
            stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(new byte[FRAME])));
        }
        tunnel.releaseOutbound();
        int id = stream.stream().id();
        assertThat(stream.bytesBeforeWritable()).as("bytes held back by the peer's window").isPositive();

        for (int round = 0; round < 2; round++) {
            tunnel.advanceTimeBy(31, TimeUnit.SECONDS);
            tunnel.runScheduledPendingTasks();
            assertThat(stream.isOpen()).as("the peer read some of it in the last 30 s (round %d)", round).isTrue();
            tunnel.writeInbound(windowUpdate(0, FRAME / 2), windowUpdate(id, FRAME / 2)); // the peer reads a little more
            tunnel.releaseOutbound();
        }

        tunnel.advanceTimeBy(31, TimeUnit.SECONDS);
        tunnel.runScheduledPendingTasks();
        tunnel.advanceTimeBy(31, TimeUnit.SECONDS);
        tunnel.runScheduledPendingTasks();
        assertThat(idle).as("nothing drained for a whole timeout").hasValue(1);
        assertThat(stream.isOpen()).isFalse();
        tunnel.finishAndReleaseAll();
    }

    private static ByteBuf windowUpdate(int streamId, int increment) {
        return frame(streamId, 0x8, 0, Unpooled.buffer(4).writeInt(increment));
    }

    /** One HTTP/2 frame as it comes off the wire (RFC 9113 section 4.1). */
    private static ByteBuf frame(int streamId, int type, int flags, ByteBuf payload) {
        ByteBuf frame = Unpooled.buffer(9 + payload.readableBytes());
        frame.writeMedium(payload.readableBytes()).writeByte(type).writeByte(flags).writeInt(streamId);
        return frame.writeBytes(payload);
    }
}
