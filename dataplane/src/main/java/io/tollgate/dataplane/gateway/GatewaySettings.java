package io.tollgate.dataplane.gateway;

import java.time.Duration;

/**
 * The gateway's fixed operating limits, set once at start.
 *
 * @param listeners      where to bind each Gateway server port
 * @param connectTimeout how long to wait for an upstream TCP connect
 * @param idleTimeout    close a connection after this long with no bytes either way
 * @param threads        event-loop threads
 */
public record GatewaySettings(ListenerAddresses listeners, Duration connectTimeout, Duration idleTimeout, int threads) {
    public GatewaySettings {
        if (listeners == null) {
            throw new IllegalArgumentException("listener addresses are required");
        }
        positive("connect timeout", connectTimeout);
        positive("idle timeout", idleTimeout);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    private static void positive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
