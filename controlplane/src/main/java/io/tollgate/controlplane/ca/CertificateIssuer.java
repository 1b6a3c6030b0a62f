package io.tollgate.controlplane.ca;

import io.tollgate.controlplane.rpc.AuthenticatedPeer;
import io.grpc.Status;
import io.grpc.StatusException;
import io.tollgate.identity.AttestationException;
import io.tollgate.identity.AttestedIdentity;
import io.tollgate.identity.Attestor;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.IssuanceException;
import io.tollgate.identity.Pem;
import io.tollgate.identity.SigningRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides one signing request, in an order that never wastes a single-use token on a request that fails anyway:
 * <ol>
 *   <li>the CSR parses and proves possession of its key (INVALID_ARGUMENT otherwise);</li>
 *   <li>the CA would issue it: lifetime, trust domain, not the control plane's identity (INVALID_ARGUMENT);</li>
 *   <li>the caller proves the identity: with a join token through the {@link Attestor} (UNAUTHENTICATED when the
 *       token is malformed, forged, expired, replayed or for another CA; PERMISSION_DENIED when it is for another
 *       identity), or, without a token, with its current mesh certificate, which renews that same identity only;</li>
 *   <li>the CA signs.</li>
 * </ol>
 * Every outcome is logged once with the identity and the reason; tokens are never logged, only their ids.
 */
public final class CertificateIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateIssuer.class);
    private final CertificateAuthority ca;
    private final Attestor attestor;

    public CertificateIssuer(CertificateAuthority ca, Attestor attestor) {
        this.ca = ca;
        this.attestor = attestor;
    }

    public SignResponse sign(SignRequest request, Optional<AuthenticatedPeer> peer) throws StatusException {
        SigningRequest csr;
        try {
            csr = SigningRequest.parse(request.csrPem() == null ? "" : request.csrPem());
        } catch (CredentialException e) {
            throw refuse(Status.INVALID_ARGUMENT, "(unparsed CSR)", e.getMessage());
        }
        String who = csr.identity().toString();
        if (request.ttlSeconds() < 0) {
            throw refuse(Status.INVALID_ARGUMENT, who, "ttlSeconds " + request.ttlSeconds() + " is negative; 0 asks for the default");
        }
        Optional<Duration> ttl = request.ttlSeconds() == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(request.ttlSeconds()));
        try {
            ca.check(csr, ttl);
            AttestedIdentity attested = attest(request, csr, peer);
            List<X509Certificate> chain = ca.sign(csr, attested, ttl);
            LOG.info("issued {} serial {} until {} ({})", who, chain.getFirst().getSerialNumber().toString(16),
                    chain.getFirst().getNotAfter().toInstant(), attested.evidence());
            return new SignResponse(Pem.encodeCertificates(chain), ca.trustBundle().toPem());
        } catch (IssuanceException e) {
            throw refuse(Status.INVALID_ARGUMENT, who, e.getMessage());
        } catch (AttestationException e) {
            Status status = e.reason() == AttestationException.Reason.IDENTITY_MISMATCH ? Status.PERMISSION_DENIED : Status.UNAUTHENTICATED;
            throw refuse(status, who, e.getMessage());
        }
    }

    private AttestedIdentity attest(SignRequest request, SigningRequest csr, Optional<AuthenticatedPeer> peer)
            throws AttestationException, StatusException {
        if (request.token() != null && !request.token().isBlank()) {
            return attestor.attest(request.token().strip(), csr.identity());
        }
        if (peer.isEmpty()) {
            throw refuse(Status.UNAUTHENTICATED, csr.identity().toString(),
                    "no credential: send a join token, or connect with a valid mesh certificate to renew it");
        }
        if (!peer.get().identity().equals(csr.identity())) {
            throw refuse(Status.PERMISSION_DENIED, csr.identity().toString(),
                    "a mesh certificate for " + peer.get().identity() + " renews only that identity, not " + csr.identity());
        }
        return new AttestedIdentity(peer.get().identity(), "renewal with mesh certificate serial " + peer.get().serialHex());
    }

    private static StatusException refuse(Status status, String identity, String reason) {
        LOG.warn("refused to sign {}: {}: {}", identity, status.getCode(), reason);
        return status.withDescription(reason).asException();
    }
}
