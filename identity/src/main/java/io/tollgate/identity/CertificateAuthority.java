package io.tollgate.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mesh certificate authority: signs workload CSRs for attested identities, as a self-signed root made on
 * first start, or as a plug-in intermediate (Istio's {@code cacerts} layout). Immutable and thread-safe once
 * loaded; its key stays in memory and in the 0600 file, never in a log or a {@code toString}.
 */
public final class CertificateAuthority {
    /** Where the signing material came from, for display. */
    public enum Origin { SELF_SIGNED_ROOT, PLUG_IN_INTERMEDIATE }

    private final String trustDomain;
    private final IssuerCredentials issuer;
    private final Origin origin;
    private final IssuancePolicy policy;
    private final Clock clock;

    private CertificateAuthority(String trustDomain, IssuerCredentials issuer, Origin origin, IssuancePolicy policy, Clock clock) {
        this.trustDomain = trustDomain;
        this.issuer = issuer;
        this.origin = origin;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes the directory a CA for {@code trustDomain} unless it already is one: with the plug-in CA files of
     * {@code plugIn} when given, else with a new self-signed root. Opening an existing CA is allowed (first start
     * and later starts are the same call) as long as the trust domain agrees and no new plug-in CA is offered.
     */
    public static CertificateAuthority initialize(CaDirectory directory, String trustDomain, Optional<Path> plugIn,
                                                  IssuancePolicy policy, Clock clock) throws CredentialException {
        new SpiffeId(trustDomain, "ns", "sa"); // validates the trust domain with SpiffeId's own rule
        Optional<String> recorded = directory.trustDomain();
        if (recorded.isPresent()) {
            if (!recorded.get().equals(trustDomain)) {
                throw new CredentialException(directory.path() + ": holds a CA for trust domain " + recorded.get()
                        + ", not " + trustDomain);
            }
            if (plugIn.isPresent()) {
                throw new CredentialException(directory.path() + ": already holds a CA; to install a plug-in CA use an empty state directory");
            }
            return load(directory, policy, clock);
        }
        try {
            AtomicFile.createOwnerOnlyDirectory(directory.path());
            if (plugIn.isPresent()) {
                PlugInCa.install(plugIn.get(), directory.cacerts(), clock);
            } else {
                SelfSignedRoot.create(directory, trustDomain, clock);
            }
            // Written last: a crash before this leaves a directory that a retry initialises again from scratch.
            directory.recordTrustDomain(trustDomain);
        } catch (IOException e) {
            throw new CredentialException(directory.path() + ": cannot write the CA: " + e, e);
        }
        return load(directory, policy, clock);
    }

    /** Opens the CA an earlier {@link #initialize} made. */
    public static CertificateAuthority load(CaDirectory directory, IssuancePolicy policy, Clock clock) throws CredentialException {
        String trustDomain = directory.trustDomain().orElseThrow(() -> new CredentialException(
                directory.path() + ": holds no CA; run: tollgate ca init --state-dir " + directory.path()));
        if (directory.isPlugIn()) {
            return new CertificateAuthority(trustDomain, PlugInCa.load(directory.cacerts(), clock), Origin.PLUG_IN_INTERMEDIATE, policy, clock);
        }
        return new CertificateAuthority(trustDomain, SelfSignedRoot.load(directory), Origin.SELF_SIGNED_ROOT, policy, clock);
    }

    /**
     * Signs {@code request} for the identity that attestation proved. The identity in the CSR must be exactly the
     * attested one and in this CA's trust domain. Returns the chain to send with the key: leaf first, then the
     * intermediates (roots are in {@link #trustBundle()}). The control plane's identity is never signed here.
     */
    public List<X509Certificate> sign(SigningRequest request, AttestedIdentity attested, Optional<Duration> ttl) throws IssuanceException {
        Duration lifetime = check(request, ttl);
        if (!request.identity().equals(attested.identity())) {
            throw new IssuanceException("the CSR requests " + request.identity() + " but the caller proved " + attested.identity());
        }
        return issue(request.publicKey(), request.identity(), lifetime);
    }

    /**
     * Whether {@link #sign} would issue this request, short of attestation; returns the lifetime it would issue.
     * Callers check this before attesting, so that a single-use credential is not spent on a request the CA
     * refuses anyway (a lifetime above the maximum, a foreign trust domain, a reserved identity).
     */
    public Duration check(SigningRequest request, Optional<Duration> ttl) throws IssuanceException {
        SpiffeId identity = request.identity();
        if (ControlPlaneIdentity.is(identity)) {
            throw new IssuanceException(identity + " is reserved for the control plane and is never issued to a caller");
        }
        if (!identity.trustDomain().equals(trustDomain)) {
            throw new IssuanceException(identity + " is outside this CA's trust domain " + trustDomain);
        }
        Duration lifetime = policy.lifetimeFor(ttl);
        Instant issuerExpiry = issuer.certificate().getNotAfter().toInstant();
        if (clock.instant().plus(lifetime).isAfter(issuerExpiry)) {
            throw new IssuanceException("a " + lifetime + " certificate would outlive the CA certificate, which expires at " + issuerExpiry);
        }
        return lifetime;
    }

    /**
     * The control plane's own serving credentials, {@link ControlPlaneIdentity}, with a key made here. The CA
     * attests itself: this path is not reachable from the signing service.
     */
    public WorkloadCredentials issueControlPlaneCredentials() {
        KeyPair keyPair = P256.generate();
        List<X509Certificate> chain = issue(keyPair.getPublic(), ControlPlaneIdentity.in(trustDomain), policy.defaultTtl());
        return new WorkloadCredentials(keyPair.getPrivate(), chain, trustBundle());
    }

    private List<X509Certificate> issue(PublicKey key, SpiffeId identity, Duration lifetime) {
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(CertificateTemplates.workload(issuer.certificate(), issuer.key(), key, identity, notBefore, notBefore.plus(lifetime)));
        chain.addAll(issuer.chainAboveLeaf());
        return List.copyOf(chain);
    }

    public String trustDomain() {
        return trustDomain;
    }

    public TrustBundle trustBundle() {
        return issuer.roots();
    }

    /** The certificate this CA signs with: the root itself, or the plug-in intermediate. */
    public X509Certificate signingCertificate() {
        return issuer.certificate();
    }

    /** The root that join tokens pin: the one this CA's own chain ends at (a bundle may trust others too). */
    public X509Certificate root() {
        return issuer.root();
    }

    public Origin origin() {
        return origin;
    }

    public IssuancePolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + trustDomain + ", " + origin + ", " + issuer.certificate().getSubjectX500Principal() + "]";
    }
}
