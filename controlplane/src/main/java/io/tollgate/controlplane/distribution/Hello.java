package io.tollgate.controlplane.distribution;

/**
 * The first message of a stream: who the proxy is, and what it already runs, so a proxy that reconnects is
 * resynchronised instead of being sent everything again.
 *
 * @param node    the proxy's claim about itself
 * @param version the version it runs, or empty when it has none yet
 * @param digest  {@link SetDigest#hex()} of the documents it runs, or empty
 */
public record Hello(ProxyNode node, String version, String digest) implements ProxyMessage {
    public Hello {
        version = version == null ? "" : version;
        digest = digest == null ? "" : digest;
    }

    @Override
    public ProxyRequest toRequest() {
        return new ProxyRequest(this, null, null);
    }
}
