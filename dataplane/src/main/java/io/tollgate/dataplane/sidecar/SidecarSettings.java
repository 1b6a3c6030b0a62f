package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.capture.NamespacedListener;
import io.tollgate.dataplane.relay.UpstreamSocket;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The sidecar's fixed operating choices, set once at start: how connections come in (explicit listeners,
 * transparent capture in a pod, or both), how its upstream sockets are made, and its limits.
 *
 * @param explicit       listeners on service addresses, when wanted
 * @param capture        the capture listener inside a pod, when the sidecar serves one
 * @param upstreamSocket source address and mark of every upstream socket
 * @param connectTimeout how long to wait for an upstream TCP connect
 * @param idleTimeout    close a connection after this long with no bytes either way
 * @param threads        event-loop threads
 * @param tunnels        reach mTLS upstreams through tunnels (many connections as streams of one mTLS connection, as
 *                       Istio's HBONE; a server that does not take them gets a connection per connection); when
 *                       false, every connection makes a TLS connection of its own
 */
public record SidecarSettings(Optional<ExplicitListeners> explicit, Optional<NamespacedListener> capture,
                              UpstreamSocket upstreamSocket, Duration connectTimeout, Duration idleTimeout, int threads,
                              boolean tunnels) {
    public SidecarSettings {
        Objects.requireNonNull(explicit, "explicit");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(upstreamSocket, "upstreamSocket");
        if (explicit.isEmpty() && capture.isEmpty()) {
            throw new IllegalArgumentException("a sidecar needs explicit listeners, a capture listener, or both");
        }
        positive("connect timeout", connectTimeout);
        positive("idle timeout", idleTimeout);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** A sidecar for workloads on this host's loopback ({@code tollgate sidecar}): explicit listeners only. */
    public static SidecarSettings explicit(ExplicitListeners listeners, Duration connectTimeout, Duration idleTimeout,
                                           int threads) {
        return new SidecarSettings(Optional.of(listeners), Optional.empty(), UpstreamSocket.plain(), connectTimeout,
                idleTimeout, threads, true);
    }

    /**
     * A pod's sidecar ({@code tollgate run}): captures in the pod, dials from the pod's source address with the
     * sidecar mark (see {@link UpstreamSocket#forPod}).
     */
    public static SidecarSettings inPod(NamespacedListener capture, InetAddress podSource, Duration connectTimeout,
                                        Duration idleTimeout, int threads) {
        return new SidecarSettings(Optional.empty(), Optional.of(capture), UpstreamSocket.forPod(podSource), connectTimeout,
                idleTimeout, threads, true);
    }

    /** The same, with tunnels on or off. */
    public SidecarSettings withTunnels(boolean on) {
        return new SidecarSettings(explicit, capture, upstreamSocket, connectTimeout, idleTimeout, threads, on);
    }

    private static void positive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
