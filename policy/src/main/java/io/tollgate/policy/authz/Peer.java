package io.tollgate.policy.authz;

import java.util.Objects;

/**
 * Who is on the other end of the connection, as far as authorization can tell.
 * A plaintext peer has no principal and no namespace, so every {@code principals}/{@code namespaces} condition is
 * false for it and every {@code notPrincipals}/{@code notNamespaces} condition is true.
 */
public sealed interface Peer {
    Plaintext PLAINTEXT = new Plaintext();

    static Peer mtls(String uriSan) {
        return new Mtls(uriSan);
    }

    /** No client certificate. */
    record Plaintext() implements Peer {
        @Override
        public String toString() {
            return "plaintext";
        }
    }

    /**
     * A verified client certificate whose URI SAN is {@code uriSan}, e.g.
     * {@code spiffe://cluster.local/ns/demo-server/sa/default}. Matched as Envoy's {@code authenticated} principal
     * matcher does: against the whole URI, scheme included.
     */
    record Mtls(String uriSan) implements Peer {
        public Mtls {
            Objects.requireNonNull(uriSan, "uriSan");
        }

        @Override
        public String toString() {
            return uriSan;
        }
    }
}
