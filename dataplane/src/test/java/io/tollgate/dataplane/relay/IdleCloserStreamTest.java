package io.tollgate.dataplane.relay;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.tollgate.dataplane.tunnel.StreamEnd;
import io.tollgate.dataplane.tunnel.TunnelCodec;
import io.tollgate.dataplane.tunnel.TunnelConnection;
import io.tollgate.dataplane.tunnel.TunnelStream;
import io.tollgate.dataplane.tunnel.WireFrames;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idle timeout on a socket relayed into a tunnel stream whose peer reads slowly: the bytes wait in the tunnel's
 * flow controller, not in the socket's buffer, and while the peer's window updates drain them the connection is not
 * idle; once nothing drains for a whole timeout, it is.
 */
class IdleCloserStreamTest {
    private static final int FRAME = 32 * 1024;

    @Test
    void aStreamWhosePeerKeepsReadingIsNotIdleAndOneThatStopsIs() {
        AtomicInteger idle = new AtomicInteger();
        TunnelConnection h2 = TunnelCodec.client();
        EmbeddedChannel tunnel = new EmbeddedChannel(h2);
        tunnel.writeInbound(WireFrames.emptySettings()); // the server's SETTINGS: 64 KiB windows
        TunnelStream stream = h2.open(new DefaultHttp2Headers().method("CONNECT").authority("db:3306"), StreamEnd.DISCARD)
                .orElseThrow();
        // The socket's pipeline as the gateway has it: the idle closer ahead of the relay into the stream.
        EmbeddedChannel socket = new EmbeddedChannel(new IdleCloser(Duration.ofSeconds(30), idle::incrementAndGet,
                stream::sendProgress));
        socket.pipeline().addLast("end", new ChannelInboundHandlerAdapter());
        socket.freezeTime();
        StreamRelay.join(socket, "end", stream, List.of(), false, bytes -> { }, () -> { }, () -> { });
        for (int i = 0; i < 4; i++) {
            socket.writeInbound(Unpooled.wrappedBuffer(new byte[FRAME]));
        }
        tunnel.releaseOutbound();
        int id = stream.id();
        assertThat(stream.isWritable()).as("bytes held back by the peer's window").isFalse();

        for (int round = 0; round < 2; round++) {
            // The peer reads a little more.
            tunnel.writeInbound(WireFrames.windowUpdate(0, FRAME / 2), WireFrames.windowUpdate(id, FRAME / 2));
            tunnel.releaseOutbound();
            socket.advanceTimeBy(31, TimeUnit.SECONDS);
            socket.runScheduledPendingTasks();
            assertThat(socket.isOpen()).as("the peer read some of it in the last 30 s (round %d)", round).isTrue();
        }

        socket.advanceTimeBy(31, TimeUnit.SECONDS);
        socket.runScheduledPendingTasks();
        socket.advanceTimeBy(31, TimeUnit.SECONDS);
        socket.runScheduledPendingTasks();
        assertThat(idle).as("nothing drained for a whole timeout").hasValue(1);
        assertThat(socket.isOpen()).isFalse();
        socket.finishAndReleaseAll();
        tunnel.finishAndReleaseAll();
    }
}
