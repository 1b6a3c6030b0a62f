package io.tollgate.dataplane.sidecar;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.relay.ByteCounter;
import io.tollgate.dataplane.relay.IdleCloser;
import io.tollgate.dataplane.relay.InputHold;

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
        ch.pipeline()
                .addLast("idle", new IdleCloser(runtime.idleTimeout(),
                        () -> connection.end(ResponseFlag.NONE, "idle timeout after " + runtime.idleTimeout())))
                .addLast("count", new ByteCounter(connection::addReceived))
                .addLast("hold", new InputHold())
                .addLast("accept", new OutboundAccept(runtime, arrival, connection))
                .addLast("end", new OutboundEnd(runtime, connection));
    }
}
