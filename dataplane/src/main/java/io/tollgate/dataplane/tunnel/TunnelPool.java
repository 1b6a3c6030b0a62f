package io.tollgate.dataplane.tunnel;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.IdleCloser;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tls.MeshClientTls;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A sidecar's tunnels to its gateways: a workload connection asks for a stream, and gets one on a tunnel of its
 * own event loop to the same {@link TunnelKey}, a new tunnel being dialed when none takes more. A server that
 * turns out not to take tunnels is remembered for {@link #NO_TUNNEL_MEMORY}: connections to it are told
 * {@link TunnelOpen.Unsupported} at once and go over connections of their own.
 *
 * <p>Threading: {@link #open} runs on the workload connection's event loop; each loop has its own tunnels, touched
 * only from that loop, so the relay's halves share a thread and nothing here needs a lock.
 */
public final class TunnelPool {
    static final Duration NO_TUNNEL_MEMORY = Duration.ofMinutes(1);
    private final MeshClientTls tls;
    private final UpstreamDialer dialer;
    private final ProxyMetrics metrics;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Map<EventLoop, LoopTunnels> loops = new ConcurrentHashMap<>();

    /** @param idleTimeout a tunnel without a byte either way for this long is closed (its streams are all idle too) */
    public TunnelPool(MeshClientTls tls, UpstreamDialer dialer, ProxyMetrics metrics, Clock clock, Duration idleTimeout) {
        this.tls = tls;
        this.idleTimeout = idleTimeout;
        this.dialer = dialer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Asks for a stream to {@code target} for {@code downstream}, served by {@code end}. Call on
     * {@code downstream}'s event loop; {@code outcome} runs there too.
     */
    public void open(Channel downstream, TunnelKey key, ConnectTarget target, StreamEnd end,
                     Consumer<TunnelOpen> outcome) {
        loops.computeIfAbsent(downstream.eventLoop(), loop -> new LoopTunnels()).open(downstream, key, target,
                end, outcome);
    }

    /** Tunnels open now, across all loops (for status and tests). */
    public int openTunnels() {
        return loops.values().stream().mapToInt(LoopTunnels::size).sum();
    }

    /** The tunnels of one event loop. */
    private final class LoopTunnels {
        private final Map<TunnelKey, List<Tunnel>> tunnels = new HashMap<>();
        private final Map<InetSocketAddress, Instant> noTunnelUntil = new HashMap<>();
        private volatile int size;

        void open(Channel downstream, TunnelKey key, ConnectTarget target, StreamEnd end,
                  Consumer<TunnelOpen> outcome) {
            Instant now = clock.instant();
            Instant until = noTunnelUntil.get(key.address());
            if (until != null && now.isBefore(until)) {
                outcome.accept(new TunnelOpen.Unsupported(key.address() + " does not take tunnels", Optional.empty()));
                return;
            }
            usable(downstream, key, now).open(target, end, outcome);
        }

        int size() {
            return size;
        }

        /** A tunnel that takes a stream now, dialing one if none does; tunnels past their time are retired. */
        private Tunnel usable(Channel downstream, TunnelKey key, Instant now) {
            List<Tunnel> list = tunnels.computeIfAbsent(key, k -> new ArrayList<>());
            long generation = tls.generation();
            Tunnel usable = null;
            for (Tunnel tunnel : List.copyOf(list)) {
                if (tunnel.closed()) {
                    list.remove(tunnel);
                } else if (usable == null && tunnel.takes(generation, now)) {
                    usable = tunnel;
                } else if (tunnel.outdated(generation, now)) {
                    tunnel.retire();
                }
            }
            if (usable == null) {
                usable = dial(downstream, key, generation);
                list.add(usable);
            }
            size = tunnels.values().stream().mapToInt(List::size).sum();
            return usable;
        }

        private Tunnel dial(Channel downstream, TunnelKey key, long generation) {
            Tunnel tunnel = new Tunnel(key, generation);
            ChannelFuture connecting = dialer.dial(downstream, key.address(), new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline()
                            .addLast("tls", tls.newTunnelHandler(ch.alloc(), key.address(), key.serverName()))
                            .addLast("idle", new IdleCloser(idleTimeout, () -> { }))
                            .addLast("handshake", new TunnelHandshake(tunnel, tls, metrics,
                                    k -> noTunnelUntil.put(k.address(), clock.instant().plus(NO_TUNNEL_MEMORY))));
                }
            });
            connecting.addListener((ChannelFuture connected) -> {
                if (!connected.isSuccess()) {
                    tunnel.failed(new TunnelOpen.Failed("upstream connect to " + key.address() + " failed: "
                            + connected.cause().getMessage()));
                    return;
                }
                connected.channel().read(); // AUTO_READ is off until the tunnel is ready: let the handshake read.
            });
            return tunnel;
        }
    }
}
