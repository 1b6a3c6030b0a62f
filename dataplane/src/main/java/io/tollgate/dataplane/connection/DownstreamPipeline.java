package io.tollgate.dataplane.connection;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.ByteCounter;
import io.tollgate.dataplane.relay.IdleCloser;
import io.tollgate.dataplane.relay.InputHold;

import java.time.Duration;

/**
 * The stages every accepted connection goes through, gateway or sidecar: {@code idle -> count -> hold -> accept
 * -> end}. The owner puts anything that must see the raw bytes first (the gateway's TLS) ahead of them, and brings
 * the accept handler that decides where the connection goes.
 */
public final class DownstreamPipeline {
    private final ProxiedConnection connection;
    private final Duration idleTimeout;

    public DownstreamPipeline(ProxiedConnection connection, Duration idleTimeout) {
        this.connection = connection;
        this.idleTimeout = idleTimeout;
    }

    /** Adds the stages after whatever {@code pipeline} already holds. */
    public void addTo(ChannelPipeline pipeline, ChannelHandler accept, DownstreamEnd end) {
        pipeline.addLast("idle", new IdleCloser(idleTimeout,
                        () -> connection.end(ResponseFlag.NONE, "idle timeout after " + idleTimeout)))
                .addLast("count", new ByteCounter(connection::addReceived))
                .addLast("hold", new InputHold())
                .addLast("accept", accept)
                .addLast("end", end);
    }
}
