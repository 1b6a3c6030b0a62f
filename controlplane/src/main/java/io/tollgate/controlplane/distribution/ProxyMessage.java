package io.tollgate.controlplane.distribution;

/**
 * What a proxy says on its stream, in xDS's terms: one {@link Hello} first, then one {@link Ack} or {@link Nack}
 * for every {@link Push} it receives.
 */
public sealed interface ProxyMessage permits Hello, Ack, Nack {
    /** Wraps this message in the envelope that travels on the wire. */
    ProxyRequest toRequest();
}
