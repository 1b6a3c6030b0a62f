package io.tollgate.dataplane.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.observe.ResponseFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The last handler of a downstream pipeline: turns stray errors into a close, and when the connection closes,
 * runs the owner's release (a sidecar gives back its load-balancing slot), then writes the closing metrics and
 * the connection's one access-log line.
 */
public final class DownstreamEnd extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DownstreamEnd.class);
    private final ProxiedConnection connection;
    private final ProxyMetrics metrics;
    private final AccessLog accessLog;
    private final Runnable release;

    /** {@code release} runs first when the connection closes, on its event loop. */
    public DownstreamEnd(ProxiedConnection connection, ProxyMetrics metrics, AccessLog accessLog, Runnable release) {
        this.connection = connection;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.release = release;
    }

    public DownstreamEnd(ProxiedConnection connection, ProxyMetrics metrics, AccessLog accessLog) {
        this(connection, metrics, accessLog, () -> { });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and broken pipes are everyday events on a proxy: record them, close, no stack trace.
        connection.end(ResponseFlag.NONE, "downstream error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        LOG.debug("connection {} from {}: {}", connection.id(), connection.source(), cause.toString());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release.run();
        // Metrics first: whoever reads the log line (a test, an operator) then finds the counters already updated.
        if (connection.counted()) {
            metrics.connectionClosed(connection.labels(), connection.bytesSent(), connection.bytesReceived());
        }
        accessLog.record(connection.toLogEntry(Instant.now(), "downstream closed the connection"));
        ctx.fireChannelInactive();
    }
}
