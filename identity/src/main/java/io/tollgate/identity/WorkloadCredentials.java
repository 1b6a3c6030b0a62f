package io.tollgate.identity;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a workload presents and trusts: its private key, its certificate chain (leaf first, then intermediates)
 * and the mesh roots. Immutable; rotation replaces the whole value at once, so key and chain always match.
 * The key is never printed: {@link #toString} shows the identity and validity only.
 */
public record WorkloadCredentials(PrivateKey privateKey, List<X509Certificate> chain, TrustBundle trustBundle) {
    public WorkloadCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        Objects.requireNonNull(trustBundle, "trustBundle");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf");
        }
        if (!KeyMatch.matches(privateKey, chain.getFirst().getPublicKey())) {
            throw new IllegalArgumentException("the private key does not belong to the leaf certificate");
        }
        identityOf(chain.getFirst());
    }

    public X509Certificate leaf() {
        return chain.getFirst();
    }

    public SpiffeId identity() {
        return identityOf(leaf());
    }

    public Instant notBefore() {
        return leaf().getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    public Duration lifetime() {
        return Duration.between(notBefore(), notAfter());
    }

    /** The leaf's serial number in hex: names this credential in logs and key-manager aliases. */
    public String serialHex() {
        return leaf().getSerialNumber().toString(16);
    }

    /**
     * The chain followed by the root it ends at, for a server whose clients pin that root on first contact
     * (a bootstrap client has no trust bundle yet, only the fingerprint from its join token).
     */
    public List<X509Certificate> chainWithRoot() {
        X509Certificate top = chain.getLast();
        List<X509Certificate> withRoot = new ArrayList<>(chain);
        for (X509Certificate root : trustBundle.roots()) {
            if (!root.equals(top) && root.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
                withRoot.add(root);
                break;
            }
        }
        return List.copyOf(withRoot);
    }

    private static SpiffeId identityOf(X509Certificate leaf) {
        try {
            List<String> uris = SubjectAltNames.uris(leaf);
            if (uris.size() != 1) {
                throw new IllegalArgumentException("a workload certificate carries exactly one URI SAN, this one " + uris.size());
            }
            return SpiffeId.parse(uris.getFirst());
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable subject alternative names: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "WorkloadCredentials[" + identity() + ", serial " + serialHex() + ", " + notBefore() + " .. " + notAfter() + "]";
    }
}
