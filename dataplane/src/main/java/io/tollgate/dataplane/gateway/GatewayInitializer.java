package io.tollgate.dataplane.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.tollgate.dataplane.connection.DownstreamEnd;
import io.tollgate.dataplane.connection.DownstreamPipeline;
import io.tollgate.policy.route.PortNumber;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Composes the per-connection pipeline of one Gateway server port: {@code tls -> idle -> count -> hold -> accept -> end}. */
final class GatewayInitializer extends ChannelInitializer<Channel> {
    private final GatewayRuntime runtime;
    private final PortNumber serverPort;
    private final AtomicLong ids;
    private final ChannelGroup open;

    GatewayInitializer(GatewayRuntime runtime, PortNumber serverPort, AtomicLong ids, ChannelGroup open) {
        this.runtime = runtime;
        this.serverPort = serverPort;
        this.ids = ids;
        this.open = open;
    }

    @Override
    protected void initChannel(Channel ch) {
        GatewayConnection connection = new GatewayConnection(ids.incrementAndGet(), Instant.now(),
                (InetSocketAddress) ch.remoteAddress(), (InetSocketAddress) ch.localAddress(), serverPort);
        ch.attr(GatewayConnection.KEY).set(connection);
        open.add(ch);
        ch.pipeline().addLast("tls", runtime.tls().newHandler(ch.alloc()));
        new DownstreamPipeline(connection, runtime.idleTimeout()).addTo(ch.pipeline(),
                new GatewayAccept(runtime, connection),
                new DownstreamEnd(connection, runtime.metrics(), runtime.accessLog()));
    }
}
