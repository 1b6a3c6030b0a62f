package io.tollgate.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The CA's own root, made on first start: ECDSA P-256, ten years (Istio's self-signed root lifetime). */
final class SelfSignedRoot {
    static final Duration LIFETIME = Duration.ofDays(3650);

    private SelfSignedRoot() {
    }

    /** Writes a new root key (0600) and certificate into the directory. */
    static void create(CaDirectory directory, String trustDomain, Clock clock) throws IOException {
        KeyPair keyPair = P256.generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate root = CertificateTemplates.selfSignedRoot(keyPair, trustDomain, now, now.plus(LIFETIME));
        AtomicFile.writeOwnerOnly(directory.rootKey(), Pem.encodePrivateKey(keyPair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
        AtomicFile.writeReadable(directory.rootCert(), Pem.encodeCertificates(List.of(root)).getBytes(StandardCharsets.US_ASCII));
    }

    static IssuerCredentials load(CaDirectory directory) throws CredentialException {
        List<X509Certificate> certificates = Pem.readCertificates(directory.rootCert());
        if (certificates.size() != 1) {
            throw new CredentialException(directory.rootCert() + ": expected one root certificate, found " + certificates.size());
        }
        X509Certificate root = certificates.getFirst();
        PrivateKey key = Pem.parsePrivateKey(new String(AtomicFile.readOwnerOnly(directory.rootKey()), StandardCharsets.ISO_8859_1),
                directory.rootKey().toString());
        if (!KeyMatch.matches(key, root.getPublicKey())) {
            throw new CredentialException(directory.rootKey() + ": this key does not belong to " + directory.rootCert());
        }
        return new IssuerCredentials(root, key, List.of(), TrustBundle.of(root), root);
    }
}
