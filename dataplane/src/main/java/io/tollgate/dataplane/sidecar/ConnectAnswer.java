package io.tollgate.dataplane.sidecar;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2Headers;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.tunnel.ConnectHeaders;
import io.tollgate.dataplane.tunnel.StreamEnd;
import io.tollgate.dataplane.tunnel.TunnelStream;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits for the gateway's answer to a tunnel stream's CONNECT: {@code 200} starts the relay; anything else is the
 * gateway refusing (no route, denied, no upstream), recorded with its status and reason as the upstream's doing
 * (UC), and the stream and the workload connection are closed. Until the answer nothing is relayed. A workload
 * connection that closes before the answer resets the stream, so the gateway stops what it does for it (a dial
 * still in flight) instead of finishing it for nobody.
 */
final class ConnectAnswer implements StreamEnd {
    private final SidecarConnection connection;
    private final Channel downstream;
    private final Consumer<TunnelStream> onAccepted;
    private boolean answered;
    private boolean abandoned;

    ConnectAnswer(SidecarConnection connection, Channel downstream, Consumer<TunnelStream> onAccepted) {
        this.connection = connection;
        this.downstream = downstream;
        this.onAccepted = onAccepted;
    }

    @Override
    public void onHeaders(TunnelStream stream, Http2Headers answer, boolean endStream) {
        answered = true;
        Optional<Integer> status = ConnectHeaders.status(answer);
        if (status.isPresent() && status.get() == ConnectHeaders.OK && !endStream) {
            onAccepted.accept(stream);
            return;
        }
        connection.end(ResponseFlag.UC, "gateway " + connection.upstreamText() + " refused the connection ("
                + status.map(String::valueOf).orElse("no status") + "): " + ConnectHeaders.reason(answer));
        stream.reset();
        downstream.close();
    }

    @Override
    public void onData(TunnelStream stream, ByteBuf data, boolean endStream) {
        // Not yet answered: nothing from the gateway reaches the workload.
        stream.consumed(data.readableBytes());
        data.release();
    }

    /**
     * The workload connection closed: before the answer, the stream is reset, and its close stays the workload's doing
     * (the line is written when the connection goes inactive, after this); after it, the relay has the stream and
     * ends it itself.
     */
    void downstreamClosed(TunnelStream stream) {
        if (answered || !stream.isOpen()) {
            return;
        }
        abandoned = true;
        stream.reset();
    }

    @Override
    public void onClosed(TunnelStream stream) {
        if (abandoned) {
            return;
        }
        connection.end(ResponseFlag.UC, "gateway " + connection.upstreamText() + " reset the stream before answering");
        downstream.close();
    }
}
