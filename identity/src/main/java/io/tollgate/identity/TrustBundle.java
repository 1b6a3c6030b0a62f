package io.tollgate.identity;

import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mesh's root certificates: a peer is trusted when its chain ends at one of them. Immutable; a new root set
 * (root rotation, a plug-in CA bundle with several roots) is a new bundle.
 */
public record TrustBundle(List<X509Certificate> roots) {
    public TrustBundle {
        roots = List.copyOf(Objects.requireNonNull(roots, "roots"));
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a trust bundle needs at least one root certificate");
        }
    }

    public static TrustBundle of(X509Certificate... roots) {
        return new TrustBundle(List.of(roots));
    }

    public static TrustBundle read(Path file) throws CredentialException {
        return new TrustBundle(Pem.readCertificates(file));
    }

    public static TrustBundle parse(String pem, String source) throws CredentialException {
        return new TrustBundle(Pem.parseCertificates(pem, source));
    }

    public String toPem() {
        return Pem.encodeCertificates(roots);
    }

    public boolean contains(X509Certificate certificate) {
        return roots.contains(certificate);
    }

    public Set<TrustAnchor> anchors() {
        return roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<Fingerprint> fingerprints() {
        return roots.stream().map(Fingerprint::of).toList();
    }
}
