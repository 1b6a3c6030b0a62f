package io.tollgate.dataplane.sidecar;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.tollgate.dataplane.connection.DownstreamEnd;
import io.tollgate.dataplane.connection.DownstreamPipeline;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Composes the pipeline of one accepted outbound connection, whichever way it came in:
 * {@code idle -> count -> hold -> accept -> end}. The workload's bytes are plain TCP here; TLS is on the upstream.
 */
final class OutboundInitializer extends ChannelInitializer<Channel> {
    private final SidecarRuntime runtime;
    private final Arrival arrival;
    private final AtomicLong ids;
    private final ChannelGroup open;

    OutboundInitializer(SidecarRuntime runtime, Arrival arrival, AtomicLong ids, ChannelGroup open) {
        this.runtime = runtime;
        this.arrival = arrival;
        this.ids = ids;
        this.open = open;
    }

    @Override
    protected void initChannel(Channel ch) {
        SidecarConnection connection = new SidecarConnection(ids.incrementAndGet(), Instant.now(),
                (InetSocketAddress) ch.remoteAddress(), (InetSocketAddress) ch.localAddress(), runtime.tls().localIdentity());
        open.add(ch);
        new DownstreamPipeline(connection, runtime.idleTimeout()).addTo(ch.pipeline(),
                new OutboundAccept(runtime, arrival, connection),
                new DownstreamEnd(connection, runtime.metrics(), runtime.accessLog(),
                        () -> connection.endpoint.ifPresent(runtime.picker().balancing()::closed)));
    }
}
