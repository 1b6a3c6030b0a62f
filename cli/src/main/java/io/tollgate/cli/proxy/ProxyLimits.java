package io.tollgate.cli.proxy;

import java.time.Duration;

/**
 * The operating limits and choices both proxy agents share, with Istio-like defaults.
 *
 * @param connectTimeout   upstream TCP connect (Envoy's cluster connect_timeout is 10 s)
 * @param idleTimeout      close a connection with no bytes either way for this long (Envoy's TCP proxy: 1 h)
 * @param handshakeTimeout mesh TLS handshakes, both directions
 * @param drain            how long {@code close()} lets open connections finish before closing them
 * @param firstConfig      how long {@code start} waits for the control plane's first configuration
 * @param threads          event-loop threads of the data path
 * @param tunnels          a sidecar carries its connections to gateways as streams of shared mTLS tunnels (HBONE-like),
 *                         a gateway takes tunnels; when false, one TLS connection per workload connection
 */
public record ProxyLimits(Duration connectTimeout, Duration idleTimeout, Duration handshakeTimeout, Duration drain,
                          Duration firstConfig, int threads, boolean tunnels) {
    public static final ProxyLimits DEFAULTS = new ProxyLimits(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30), 2, true);

    public ProxyLimits {
        positive("connect timeout", connectTimeout);
        positive("idle timeout", idleTimeout);
        positive("handshake timeout", handshakeTimeout);
        if (drain == null || drain.isNegative()) {
            throw new IllegalArgumentException("drain must be zero or more, got " + drain);
        }
        positive("first configuration timeout", firstConfig);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    public ProxyLimits withDrain(Duration newDrain) {
        return new ProxyLimits(connectTimeout, idleTimeout, handshakeTimeout, newDrain, firstConfig, threads, tunnels);
    }

    public ProxyLimits withThreads(int newThreads) {
        return new ProxyLimits(connectTimeout, idleTimeout, handshakeTimeout, drain, firstConfig, newThreads, tunnels);
    }

    public ProxyLimits withTunnels(boolean on) {
        return new ProxyLimits(connectTimeout, idleTimeout, handshakeTimeout, drain, firstConfig, threads, on);
    }

    private static void positive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
