package io.tollgate.controlplane.distribution;

/**
 * The proxy refused the push with {@code nonce}. As in xDS, {@code version} is the version it keeps running
 * (its last good one, empty if it has none) and {@code reason} says why it refused.
 */
public record Nack(String version, String nonce, String reason) implements ProxyMessage {
    @Override
    public ProxyRequest toRequest() {
        return new ProxyRequest(null, null, this);
    }
}
