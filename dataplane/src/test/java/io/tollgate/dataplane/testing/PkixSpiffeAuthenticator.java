package io.tollgate.dataplane.testing;

import io.tollgate.dataplane.tls.PeerAuthenticator;
import io.tollgate.identity.SpiffeId;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The test stand-in for the identity module's PeerVerifier: real PKIX path validation against one root, then
 * exactly one {@code spiffe://} URI SAN on the leaf.
 */
final class PkixSpiffeAuthenticator implements PeerAuthenticator {
    private static final int URI_NAME = 6;
    private final X509Certificate root;

    PkixSpiffeAuthenticator(X509Certificate root) {
        this.root = root;
    }

    @Override
    public SpiffeId authenticate(X509Certificate[] chain) throws CertificateException {
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("certificate chain does not lead to the mesh root: " + e.getMessage(), e);
        }
        Collection<List<?>> names = chain[0].getSubjectAlternativeNames();
        List<String> uris = names == null ? List.of() : names.stream()
                .filter(n -> ((Integer) n.get(0)) == URI_NAME).map(n -> (String) n.get(1))
                .filter(u -> u.startsWith(SpiffeId.SCHEME)).toList();
        if (uris.size() != 1) {
            throw new CertificateException("the certificate must carry exactly one SPIFFE ID, found " + uris.size());
        }
        try {
            return SpiffeId.parse(uris.getFirst());
        } catch (IllegalArgumentException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }
}
