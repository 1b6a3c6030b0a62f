package io.tollgate.controlplane.distribution;

/**
 * The proxy applied the push with {@code nonce} and now runs {@code version}.
 */
public record Ack(String version, String nonce) implements ProxyMessage {
    @Override
    public ProxyRequest toRequest() {
        return new ProxyRequest(null, this, null);
    }
}
