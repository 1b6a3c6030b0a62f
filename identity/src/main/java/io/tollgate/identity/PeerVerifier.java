package io.tollgate.identity;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a peer's certificate chain is a mesh identity, for both proxies and the control plane:
 * <ol>
 *   <li>every certificate presented is inside its validity window now (per the injected clock);</li>
 *   <li>the chain ends at the trust bundle (PKIX: signatures, issuer names, CA constraints; no revocation: mesh
 *       certificates are short-lived instead, as in Istio);</li>
 *   <li>the leaf is not a CA and carries exactly one URI SAN, a SPIFFE ID whose trust domain is the mesh's or one
 *       of its aliases (other SAN types are ignored: the URI is the identity);</li>
 *   <li>optionally, that identity is the one expected ({@link #expecting}).</li>
 * </ol>
 * Returns the identity or throws {@link PeerRejectedException} with the first reason that applies. Immutable and
 * thread-safe: one instance serves every handshake.
 */
public final class PeerVerifier {
    private final TrustBundle bundle;
    private final Set<TrustAnchor> anchors;
    private final Set<String> trustDomains;
    private final Clock clock;
    private final Optional<SpiffeId> expected;

    private PeerVerifier(TrustBundle bundle, Set<String> trustDomains, Clock clock, Optional<SpiffeId> expected) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.anchors = bundle.anchors();
        this.trustDomains = Set.copyOf(trustDomains);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expected = expected;
        if (this.trustDomains.isEmpty()) {
            throw new IllegalArgumentException("a peer verifier needs at least one trust domain");
        }
    }

    /** Accepts identities in {@code trustDomain} or any of {@code aliases} (MeshConfig trustDomainAliases). */
    public static PeerVerifier forMesh(TrustBundle bundle, String trustDomain, Collection<String> aliases, Clock clock) {
        Set<String> domains = new LinkedHashSet<>();
        domains.add(trustDomain);
        domains.addAll(aliases);
        return new PeerVerifier(bundle, domains, clock, Optional.empty());
    }

    /** The same checks, and the peer must be exactly {@code identity}. */
    public PeerVerifier expecting(SpiffeId identity) {
        return new PeerVerifier(bundle, trustDomains, clock, Optional.of(identity));
    }

    public TrustBundle trustBundle() {
        return bundle;
    }

    public SpiffeId verify(X509Certificate[] chain) throws PeerRejectedException {
        return verify(chain == null ? List.of() : Arrays.asList(chain));
    }

    public SpiffeId verify(List<X509Certificate> chain) throws PeerRejectedException {
        if (chain.isEmpty()) {
            throw new PeerRejectedException(PeerRejectedException.Reason.EMPTY_CHAIN, "the peer presented no certificate");
        }
        Instant now = clock.instant();
        for (int i = 0; i < chain.size(); i++) {
            checkValidity(chain.get(i), i, now);
        }
        checkPath(chain, now);
        X509Certificate leaf = chain.getFirst();
        if (leaf.getBasicConstraints() >= 0) {
            throw new PeerRejectedException(PeerRejectedException.Reason.LEAF_IS_CA,
                    "the peer's certificate (" + leaf.getSubjectX500Principal() + ") is a CA certificate, not a workload's");
        }
        SpiffeId identity = identityOf(leaf);
        if (!trustDomains.contains(identity.trustDomain())) {
            throw new PeerRejectedException(PeerRejectedException.Reason.WRONG_TRUST_DOMAIN,
                    "peer " + identity + " is in trust domain " + identity.trustDomain() + "; this mesh accepts " + trustDomains);
        }
        if (expected.isPresent() && !expected.get().equals(identity)) {
            throw new PeerRejectedException(PeerRejectedException.Reason.UNEXPECTED_IDENTITY,
                    "peer is " + identity + ", expected " + expected.get());
        }
        return identity;
    }

    private static void checkValidity(X509Certificate certificate, int index, Instant now) throws PeerRejectedException {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String which = index == 0 ? "the peer's certificate" : "chain certificate " + index + " (" + certificate.getSubjectX500Principal() + ")";
        if (now.isAfter(notAfter)) {
            throw new PeerRejectedException(PeerRejectedException.Reason.EXPIRED, which + " expired at " + notAfter + " (now " + now + ")");
        }
        if (now.isBefore(notBefore)) {
            throw new PeerRejectedException(PeerRejectedException.Reason.NOT_YET_VALID,
                    which + " is not valid before " + notBefore + " (now " + now + ")");
        }
    }

    private void checkPath(List<X509Certificate> chain, Instant now) throws PeerRejectedException {
        // PKIX wants the path without its anchor: drop a root the peer sent along (servers do, for pinning clients).
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (bundle.contains(certificate)) {
                break;
            }
            path.add(certificate);
        }
        if (path.isEmpty()) {
            throw new PeerRejectedException(PeerRejectedException.Reason.LEAF_IS_CA, "the peer presented a trusted root as its own certificate");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw new PeerRejectedException(PeerRejectedException.Reason.UNTRUSTED_CA, "the peer's certificate (issuer "
                    + chain.getFirst().getIssuerX500Principal() + ") does not chain to the mesh trust bundle: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PeerRejectedException(PeerRejectedException.Reason.UNTRUSTED_CA, "the peer's chain cannot be checked: " + e.getMessage(), e);
        }
    }

    private static SpiffeId identityOf(X509Certificate leaf) throws PeerRejectedException {
        List<String> uris;
        try {
            uris = SubjectAltNames.uris(leaf);
        } catch (CertificateParsingException e) {
            throw new PeerRejectedException(PeerRejectedException.Reason.NO_URI_SAN, "the peer's subject alternative names are unreadable", e);
        }
        if (uris.isEmpty()) {
            throw new PeerRejectedException(PeerRejectedException.Reason.NO_URI_SAN, "the peer's certificate carries no URI SAN (no SPIFFE ID)");
        }
        if (uris.size() > 1) {
            throw new PeerRejectedException(PeerRejectedException.Reason.MULTIPLE_URI_SANS,
                    "the peer's certificate carries " + uris.size() + " URI SANs " + uris + "; a mesh identity is exactly one");
        }
        try {
            return SpiffeId.parse(uris.getFirst());
        } catch (IllegalArgumentException e) {
            throw new PeerRejectedException(PeerRejectedException.Reason.NOT_SPIFFE, "the peer's URI SAN: " + e.getMessage(), e);
        }
    }
}
