package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.tollgate.dataplane.connection.DownstreamEnd;
import io.tollgate.dataplane.connection.DownstreamPipeline;
import io.tollgate.dataplane.relay.StreamFrames;

import java.time.Instant;

/**
 * Composes the pipeline of one tunnel stream, a connection in all but transport: {@code frames -> idle -> count ->
 * hold -> accept -> end}, the same stages as a connection of its own with {@link StreamAccept} deciding. The
 * stream is an open connection of the gateway, so a policy change re-checks it and a drain waits for it.
 */
final class TunnelStreams extends ChannelInitializer<Channel> {
    private final GatewayRuntime runtime;
    private final TunnelPeer tunnel;

    TunnelStreams(GatewayRuntime runtime, TunnelPeer tunnel) {
        this.runtime = runtime;
        this.tunnel = tunnel;
    }

    @Override
    protected void initChannel(Channel stream) {
        stream.config().setAutoRead(false);
        GatewayConnection connection = new GatewayConnection(runtime.connectionIds().incrementAndGet(), Instant.now(),
                tunnel.source(), tunnel.local(), tunnel.serverPort());
        stream.attr(GatewayConnection.KEY).set(connection);
        runtime.open().add(stream);
        stream.pipeline().addLast("frames", new StreamFrames());
        new DownstreamPipeline(connection, runtime.idleTimeout()).addTo(stream.pipeline(),
                new StreamAccept(runtime, connection, tunnel),
                new DownstreamEnd(connection, runtime.metrics(), runtime.accessLog()));
    }
}
