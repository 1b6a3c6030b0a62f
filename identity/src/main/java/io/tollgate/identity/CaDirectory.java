package io.tollgate.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The control plane's state directory, mode 0700, and the names of what it holds:
 * <pre>
 *   trust-domain        the mesh trust domain the CA was made for (written last: its presence means "initialised")
 *   root-cert.pem       self-signed mode: the root certificate
 *   root-key.pem        self-signed mode: the root key, 0600
 *   cacerts/            plug-in mode: Istio's layout, ca-cert.pem ca-key.pem (0600) root-cert.pem cert-chain.pem
 *   join-token.key      the HMAC key join tokens are signed with, 0600: who can read it can mint tokens
 *   redeemed-tokens     the record of used join tokens (id, expiry, time of use), so a replay fails after a restart
 * </pre>
 */
public record CaDirectory(Path path) {
    public static final String ROOT_CERT = "root-cert.pem";
    public static final String ROOT_KEY = "root-key.pem";
    public static final String CACERTS = "cacerts";

    public CaDirectory {
        Objects.requireNonNull(path, "path");
    }

    public Path rootCert() {
        return path.resolve(ROOT_CERT);
    }

    public Path rootKey() {
        return path.resolve(ROOT_KEY);
    }

    public Path cacerts() {
        return path.resolve(CACERTS);
    }

    public Path joinTokenKey() {
        return path.resolve("join-token.key");
    }

    public Path redeemedTokens() {
        return path.resolve("redeemed-tokens");
    }

    Path redeemedTokensLock() {
        return path.resolve("redeemed-tokens.lock");
    }

    Path trustDomainFile() {
        return path.resolve("trust-domain");
    }

    public boolean isPlugIn() {
        return Files.isDirectory(cacerts());
    }

    /** The trust domain recorded by {@code ca init}, or empty when the directory holds no CA yet. */
    public Optional<String> trustDomain() throws CredentialException {
        Path file = trustDomainFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String trustDomain = Files.readString(file, StandardCharsets.UTF_8).strip();
            new SpiffeId(trustDomain, "ns", "sa"); // the same rule the identities it signs will meet
            return Optional.of(trustDomain);
        } catch (IOException e) {
            throw new CredentialException(file + ": cannot read: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(file + ": " + e.getMessage(), e);
        }
    }

    void recordTrustDomain(String trustDomain) throws IOException {
        AtomicFile.writeReadable(trustDomainFile(), (trustDomain + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
