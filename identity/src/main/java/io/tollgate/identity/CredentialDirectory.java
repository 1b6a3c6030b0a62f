package io.tollgate.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Workload credentials on disk in Istio's file names: {@code key.pem} (0600), {@code cert-chain.pem} (leaf
 * first), {@code root-cert.pem}. Each file is replaced atomically; a reader that catches the key and chain from
 * two different rotations gets a clear "key does not belong" error and can read again.
 */
public final class CredentialDirectory {
    public static final String KEY = "key.pem";
    public static final String CERT_CHAIN = "cert-chain.pem";
    public static final String ROOT_CERT = "root-cert.pem";

    private CredentialDirectory() {
    }

    public static void write(Path directory, WorkloadCredentials credentials) throws IOException {
        AtomicFile.createOwnerOnlyDirectory(directory);
        AtomicFile.writeReadable(directory.resolve(ROOT_CERT), credentials.trustBundle().toPem().getBytes(StandardCharsets.US_ASCII));
        AtomicFile.writeReadable(directory.resolve(CERT_CHAIN), Pem.encodeCertificates(credentials.chain()).getBytes(StandardCharsets.US_ASCII));
        AtomicFile.writeOwnerOnly(directory.resolve(KEY), Pem.encodePrivateKey(credentials.privateKey()).getBytes(StandardCharsets.US_ASCII));
    }

    public static WorkloadCredentials read(Path directory) throws CredentialException {
        Path keyFile = directory.resolve(KEY);
        var key = Pem.parsePrivateKey(new String(AtomicFile.readOwnerOnly(keyFile), StandardCharsets.ISO_8859_1), keyFile.toString());
        var chain = Pem.readCertificates(directory.resolve(CERT_CHAIN));
        var roots = TrustBundle.read(directory.resolve(ROOT_CERT));
        try {
            return new WorkloadCredentials(key, chain, roots);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(directory + ": " + e.getMessage(), e);
        }
    }
}
