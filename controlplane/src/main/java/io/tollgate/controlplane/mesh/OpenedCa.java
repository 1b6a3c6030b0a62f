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
import java.time.Clock;
import java.util.Optional;

/**
 * The control plane's certificate side, opened: the CA, the join-token key, and the signing endpoint with its
 * serving certificate: what the port needs to serve.
 */
record OpenedCa(CertificateAuthority authority, JoinTokens tokens, CaEndpoint endpoint) {

    /** Opens (or, on a first start, creates) the CA for {@code trustDomain}; nothing is left running on failure. */
    static OpenedCa open(CaDirectory directory, String trustDomain, Clock clock, Scheduler scheduler)
            throws CredentialException, SSLException {
        CertificateAuthority authority = CertificateAuthority.initialize(directory, trustDomain, Optional.empty(),
                IssuancePolicy.ISTIO_DEFAULTS, clock);
        JoinTokens tokens = JoinTokens.open(directory, Fingerprint.of(authority.root()), clock);
        return new OpenedCa(authority, tokens, CaEndpoint.open(authority, tokens, clock, scheduler));
    }
}
