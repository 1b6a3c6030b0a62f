package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.tollgate.dataplane.connection.DownstreamEnd;
import io.tollgate.dataplane.connection.DownstreamPipeline;
import io.tollgate.policy.route.PortNumber;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * Composes the per-connection pipeline of one Gateway server port: {@code tls -> idle -> count -> hold -> accept ->
 * end}. A connection that turns out to be a tunnel is rebuilt by {@link TunnelAdoption}.
 */
final class GatewayInitializer extends ChannelInitializer<Channel> {
    private final GatewayRuntime runtime;
    private final PortNumber serverPort;

    GatewayInitializer(GatewayRuntime runtime, PortNumber serverPort) {
        this.runtime = runtime;
        this.serverPort = serverPort;
    }

    @Override
    protected void initChannel(Channel ch) {
        GatewayConnection connection = new GatewayConnection(runtime.connectionIds().incrementAndGet(), Instant.now(),
                (InetSocketAddress) ch.remoteAddress(), (InetSocketAddress) ch.localAddress(), serverPort);
        ch.attr(GatewayConnection.KEY).set(connection);
        runtime.open().add(ch);
        ch.pipeline().addLast("tls", runtime.tls().newHandler(ch.alloc()));
        new DownstreamPipeline(connection, runtime.idleTimeout()).addTo(ch.pipeline(),
                new GatewayAccept(runtime, connection),
                new DownstreamEnd(connection, runtime.metrics(), runtime.accessLog()));
    }
}
