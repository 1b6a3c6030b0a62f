package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code trafficPolicy.connectionPool}. Only {@code tcp} applies to a TCP proxy; {@code http} is kept as plain values.
 */
public record ConnectionPoolSettings(Optional<Tcp> tcp, Optional<Object> http, SourceLocation location) {

    /** {@code connectionPool.tcp}. A zero {@code idleTimeout} turns the idle timeout off, as in Istio. */
    public record Tcp(OptionalInt maxConnections, Optional<Duration> connectTimeout,
                      Optional<Duration> maxConnectionDuration, Optional<Duration> idleTimeout,
                      Optional<TcpKeepalive> tcpKeepalive, SourceLocation location) {
    }

    /** {@code connectionPool.tcp.tcpKeepalive}. */
    public record TcpKeepalive(Optional<Long> probes, Optional<Duration> time, Optional<Duration> interval,
                               SourceLocation location) {
    }
}
