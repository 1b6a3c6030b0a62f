package io.tollgate.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the CA signs with: its certificate and key, the intermediates between it and the roots (none for a
 * self-signed root; those of {@code cert-chain.pem} for a plug-in CA), the roots peers trust, and which of those
 * roots this issuer's chain ends at.
 */
record IssuerCredentials(X509Certificate certificate, PrivateKey key, List<X509Certificate> intermediates, TrustBundle roots,
                         X509Certificate root) {
    IssuerCredentials {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        intermediates = List.copyOf(intermediates);
        Objects.requireNonNull(roots, "roots");
        if (!roots.contains(root)) {
            throw new IllegalArgumentException("the issuer's root must be one of the trusted roots");
        }
    }

    /**
     * The certificates a leaf is sent with, issuer first, roots excluded (peers hold those). For a self-signed
     * root this is empty: the root is the issuer and the peer already has it.
     */
    List<X509Certificate> chainAboveLeaf() {
        if (roots.contains(certificate)) {
            return List.of();
        }
        return Stream.concat(Stream.of(certificate), intermediates.stream()).toList();
    }

    @Override
    public String toString() {
        return "IssuerCredentials[" + certificate.getSubjectX500Principal() + "]"; // never the key
    }
}
