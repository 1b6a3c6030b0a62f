package io.tollgate.controlplane.client;

import io.grpc.ChannelCredentials;
import io.tollgate.controlplane.distribution.ProxyNode;

import java.time.Duration;
import java.util.Objects;

/**
 * How a proxy reaches its control plane.
 *
 * @param host            control plane host
 * @param port            control plane port
 * @param credentials     mTLS: the proxy's workload certificate, and trust that verifies the control plane's
 * @param node            who the proxy says it is (must match its certificate)
 * @param backoff         reconnect delays
 * @param maxMessageBytes largest push accepted; a full snapshot of 20,000 documents is about 7 MB
 * @param keepAlive       ping interval that notices a control plane gone without closing the connection
 */
public record ConfigClientOptions(String host, int port, ChannelCredentials credentials, ProxyNode node,
                                  Backoff backoff, int maxMessageBytes, Duration keepAlive) {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    public ConfigClientOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (!node.problems().isEmpty()) {
            throw new IllegalArgumentException("proxy node: " + String.join("; ", node.problems()));
        }
    }

    /** Options with the default backoff, message limit and keep-alive. */
    public static ConfigClientOptions of(String host, int port, ChannelCredentials credentials, ProxyNode node) {
        return new ConfigClientOptions(host, port, credentials, node, Backoff.DEFAULT, DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_KEEP_ALIVE);
    }

    public ConfigClientOptions withBackoff(Backoff newBackoff) {
        return new ConfigClientOptions(host, port, credentials, node, newBackoff, maxMessageBytes, keepAlive);
    }
}
