package io.tollgate.controlplane.mesh;

import io.tollgate.identity.AttestedIdentity;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialDirectory;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.IssuanceException;
import io.tollgate.identity.SigningRequest;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * The identity {@code tollgate status} presents: issued by the CA to itself at start and written under the state
 * directory ({@code admin/}, key 0600), so whoever can read the state directory may read the mesh's status.
 */
public record AdminCredentials(SpiffeId identity, Path directory) {
    public static final String SERVICE_ACCOUNT = "tollgate-admin";

    /** Who may read status in {@code trustDomain}. */
    static SpiffeId identityIn(String trustDomain) {
        return new SpiffeId(trustDomain, "istio-system", SERVICE_ACCOUNT);
    }

    static AdminCredentials issue(CertificateAuthority ca, Path stateDir) throws CredentialException {
        SpiffeId identity = identityIn(ca.trustDomain());
        Path directory = stateDir.resolve("admin");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            var chain = ca.sign(SigningRequest.create(keyPair, identity),
                    new AttestedIdentity(identity, "issued by the control plane to its own administrator"), Optional.of(Duration.ofDays(1)));
            CredentialDirectory.write(directory, new WorkloadCredentials(keyPair.getPrivate(), chain, ca.trustBundle()));
        } catch (GeneralSecurityException | IssuanceException | IOException e) {
            throw new CredentialException("cannot write the admin credentials to " + directory + ": " + e.getMessage(), e);
        }
        return new AdminCredentials(identity, directory);
    }
}
