package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.ca.CaEndpoint;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.Scheduler;

import javax.net.ssl.SSLException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The control plane's certificate side, opened: the CA, the join-token key, the signing endpoint with its serving
 * certificate, and the admin credentials.
 */
record OpenedCa(CertificateAuthority authority, JoinTokens tokens, CaEndpoint endpoint, AdminCredentials admin) {

    /** Opens (or, on a first start, creates) the CA for {@code trustDomain}; nothing is left running on failure. */
    static OpenedCa open(CaDirectory directory, String trustDomain, Path stateDir, Clock clock, Scheduler scheduler)
            throws CredentialException, SSLException {
        CertificateAuthority authority = CertificateAuthority.initialize(directory, trustDomain, Optional.empty(),
                IssuancePolicy.ISTIO_DEFAULTS, clock);
        JoinTokens tokens = JoinTokens.open(directory, Fingerprint.of(authority.root()), clock);
        CaEndpoint endpoint = CaEndpoint.open(authority, tokens, clock, scheduler);
        try {
            return new OpenedCa(authority, tokens, endpoint, AdminCredentials.issue(authority, stateDir));
        } catch (CredentialException | RuntimeException e) {
            endpoint.close();
            throw e;
        }
    }
}
