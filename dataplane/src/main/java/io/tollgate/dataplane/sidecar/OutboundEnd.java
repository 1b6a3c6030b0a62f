package io.tollgate.dataplane.sidecar;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tollgate.dataplane.observe.ResponseFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The last handler of an outbound pipeline: turns stray errors into a close, and when the connection closes,
 * gives back its load-balancing slot and writes its closing metrics and its one access-log line.
 */
final class OutboundEnd extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundEnd.class);
    private final SidecarRuntime runtime;
    private final SidecarConnection connection;

    OutboundEnd(SidecarRuntime runtime, SidecarConnection connection) {
        this.runtime = runtime;
        this.connection = connection;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and broken pipes are everyday events on a proxy: record them, close, no stack trace.
        connection.end(ResponseFlag.NONE, "downstream error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        LOG.debug("connection {} from {}: {}", connection.id, connection.source, cause.toString());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.endpoint.ifPresent(runtime.picker().balancing()::closed);
        // Metrics first: whoever reads the log line (a test, an operator) then finds the counters already updated.
        if (connection.opened) {
            runtime.metrics().connectionClosed(connection.labels(), connection.bytesSent, connection.bytesReceived);
        }
        runtime.accessLog().record(connection.toLogEntry(Instant.now(), "downstream closed the connection"));
        ctx.fireChannelInactive();
    }
}
