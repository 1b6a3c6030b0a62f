package io.tollgate.dataplane.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tollgate.dataplane.observe.ResponseFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The last handler of a downstream pipeline: turns stray errors into a close, and when the connection closes,
 * writes its one access-log line and its closing metrics.
 */
final class ConnectionEnd extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEnd.class);
    private final GatewayRuntime runtime;
    private final GatewayConnection connection;

    ConnectionEnd(GatewayRuntime runtime, GatewayConnection connection) {
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
        // Metrics first: whoever reads the log line (a test, an operator) then finds the counters already updated.
        if (connection.peer.isPresent()) {
            runtime.metrics().connectionClosed(connection.labels(), connection.bytesSent, connection.bytesReceived);
        }
        runtime.accessLog().record(connection.toLogEntry(Instant.now(), "downstream closed the connection"));
        ctx.fireChannelInactive();
    }
}
