package io.tollgate.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A CA brought from elsewhere in Istio's {@code cacerts} layout: Tollgate signs as the intermediate
 * {@code ca-cert.pem} with {@code ca-key.pem}; {@code cert-chain.pem} is that certificate followed by its issuers,
 * and {@code root-cert.pem} the roots that peers trust. Every file is checked before anything is used or copied.
 */
final class PlugInCa {
    static final String CA_CERT = "ca-cert.pem";
    static final String CA_KEY = "ca-key.pem";
    static final String ROOT_CERT = "root-cert.pem";
    static final String CERT_CHAIN = "cert-chain.pem";

    private PlugInCa() {
    }

    /** Loads the plug-in CA from the state directory, where its key must be mode 0600. */
    static IssuerCredentials load(Path cacerts, Clock clock) throws CredentialException {
        Path keyFile = cacerts.resolve(CA_KEY);
        PrivateKey key = Pem.parsePrivateKey(new String(AtomicFile.readOwnerOnly(keyFile), StandardCharsets.ISO_8859_1), keyFile.toString());
        return assemble(cacerts, key, clock);
    }

    /** Checks the files in {@code source} and copies them into {@code target} (the key 0600). Nothing is copied if any check fails. */
    static void install(Path source, Path target, Clock clock) throws CredentialException, IOException {
        assemble(source, Pem.readPrivateKey(source.resolve(CA_KEY)), clock);
        AtomicFile.createOwnerOnlyDirectory(target);
        AtomicFile.writeOwnerOnly(target.resolve(CA_KEY), Files.readAllBytes(source.resolve(CA_KEY)));
        for (String name : List.of(CA_CERT, ROOT_CERT, CERT_CHAIN)) {
            AtomicFile.writeReadable(target.resolve(name), Files.readAllBytes(source.resolve(name)));
        }
    }

    private static IssuerCredentials assemble(Path directory, PrivateKey key, Clock clock) throws CredentialException {
        Path caCertFile = directory.resolve(CA_CERT);
        List<X509Certificate> caCerts = Pem.readCertificates(caCertFile);
        if (caCerts.size() != 1) {
            throw new CredentialException(caCertFile + ": expected one CA certificate, found " + caCerts.size());
        }
        X509Certificate caCert = caCerts.getFirst();
        if (caCert.getBasicConstraints() < 0) {
            throw new CredentialException(caCertFile + ": not a CA certificate (basicConstraints CA:FALSE or absent)");
        }
        boolean[] usage = caCert.getKeyUsage();
        if (usage != null && !usage[5]) {
            throw new CredentialException(caCertFile + ": key usage lacks keyCertSign");
        }
        if (!KeyMatch.matches(key, caCert.getPublicKey())) {
            throw new CredentialException(directory.resolve(CA_KEY) + ": this key does not belong to " + caCertFile);
        }
        TrustBundle roots = TrustBundle.read(directory.resolve(ROOT_CERT));
        Path chainFile = directory.resolve(CERT_CHAIN);
        List<X509Certificate> chain = Pem.readCertificates(chainFile);
        if (!chain.getFirst().equals(caCert)) {
            throw new CredentialException(chainFile + ": must start with the certificate in " + CA_CERT);
        }
        List<X509Certificate> intermediates = new ArrayList<>();
        for (X509Certificate certificate : chain.subList(1, chain.size())) {
            if (!roots.contains(certificate)) {
                intermediates.add(certificate);
            }
        }
        X509Certificate root = roots.contains(caCert) ? caCert : rootOfChain(caCert, intermediates, roots, clock, chainFile);
        return new IssuerCredentials(caCert, key, intermediates, roots, root);
    }

    /** Validates ca-cert + intermediates up to one of the roots, now, and returns that root. */
    private static X509Certificate rootOfChain(X509Certificate caCert, List<X509Certificate> intermediates, TrustBundle roots,
                                               Clock clock, Path chainFile) throws CredentialException {
        List<X509Certificate> path = new ArrayList<>();
        path.add(caCert);
        path.addAll(intermediates);
        try {
            PKIXParameters parameters = new PKIXParameters(roots.anchors());
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return result.getTrustAnchor().getTrustedCert();
        } catch (CertPathValidatorException e) {
            throw new CredentialException(chainFile + ": does not lead from " + CA_CERT + " to a root in " + ROOT_CERT
                    + " valid now: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CredentialException(chainFile + ": cannot be checked: " + e.getMessage(), e);
        }
    }
}
