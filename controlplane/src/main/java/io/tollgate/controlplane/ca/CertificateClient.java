package io.tollgate.controlplane.ca;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.stub.ClientCalls;
import io.tollgate.identity.AttestationException;
import io.tollgate.identity.ControlPlaneIdentity;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.P256;
import io.tollgate.identity.PeerRejectedException;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.Pem;
import io.tollgate.identity.Renewer;
import io.tollgate.identity.SigningRequest;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.TrustBundle;
import io.tollgate.identity.WorkloadCredentials;

import javax.net.ssl.SSLException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Obtains workload credentials from the control plane's signing service. The key pair is made here and never
 * sent. Two ways in: {@link #withToken} for a first certificate (the server is trusted by the root pinned in
 * the token), and {@link #renewing} for a workload that already has one (mTLS; the server must be the control
 * plane of the workload's own trust bundle). Each request opens its own connection: requests are hours apart,
 * and a fresh handshake always presents the newest certificate.
 */
public final class CertificateClient {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private final String target;
    private final TlsFactory tls;
    private final Clock clock;

    @FunctionalInterface
    private interface TlsFactory {
        SslContext create() throws SSLException;
    }

    private CertificateClient(String target, TlsFactory tls, Clock clock) {
        this.target = target;
        this.tls = tls;
        this.clock = clock;
    }

    /** A client for a first certificate; {@code target} is {@code host:port}. */
    public static CertificateClient withToken(String target, JoinToken token, Clock clock) {
        return new CertificateClient(target, () -> ControlPlaneTls.bootstrapClient(token.caRoot(), token.identity().trustDomain(), clock), clock);
    }

    /** A client that renews with the credentials {@code own} holds at the time of each request. */
    public static CertificateClient renewing(String target, Supplier<WorkloadCredentials> own, Clock clock) {
        return new CertificateClient(target, () -> {
            WorkloadCredentials current = own.get();
            PeerVerifier controlPlane = PeerVerifier.forMesh(current.trustBundle(), current.identity().trustDomain(), List.of(), clock)
                    .expecting(ControlPlaneIdentity.in(current.identity().trustDomain()));
            return ControlPlaneTls.meshClient(own, controlPlane);
        }, clock);
    }

    /** Spends {@code token} on a certificate for the identity it admits. */
    public WorkloadCredentials request(String token, Optional<Duration> ttl) throws CertificateRequestException {
        JoinToken claims;
        try {
            claims = JoinToken.readClaims(token);
        } catch (AttestationException e) {
            throw new CertificateRequestException(CertificateRequestException.Kind.REFUSED, e.getMessage(), e);
        }
        return obtain(claims.identity(), token, ttl, Optional.of(claims.caRoot()));
    }

    /** A new certificate (and key) for the identity of {@code current}, authenticated by {@code current}. */
    public WorkloadCredentials renew(WorkloadCredentials current, Optional<Duration> ttl) throws CertificateRequestException {
        return obtain(current.identity(), null, ttl, Optional.empty());
    }

    /** This client as a {@link io.tollgate.identity.CredentialRotator}'s renewer, asking for the CA's default lifetime. */
    public Renewer renewer() {
        return current -> renew(current, Optional.empty());
    }

    private WorkloadCredentials obtain(SpiffeId identity, String token, Optional<Duration> ttl, Optional<Fingerprint> pinnedRoot)
            throws CertificateRequestException {
        KeyPair keyPair = P256.generate();
        SignRequest request = new SignRequest(SigningRequest.create(keyPair, identity).toPem(), token, ttl.map(Duration::toSeconds).orElse(0L));
        SignResponse response = call(request);
        try {
            List<X509Certificate> chain = Pem.parseCertificates(response.certChainPem(), "response certChainPem");
            TrustBundle roots = TrustBundle.parse(response.rootCertPem(), "response rootCertPem");
            if (pinnedRoot.isPresent() && roots.roots().stream().noneMatch(pinnedRoot.get()::matches)) {
                throw new CredentialException("the roots returned do not include the pinned root " + pinnedRoot.get());
            }
            if (!chain.getFirst().getPublicKey().equals(keyPair.getPublic())) {
                throw new CredentialException("the certificate returned is not for the key this client sent");
            }
            PeerVerifier.forMesh(roots, identity.trustDomain(), List.of(), clock).expecting(identity).verify(chain);
            return new WorkloadCredentials(keyPair.getPrivate(), chain, roots);
        } catch (CredentialException | PeerRejectedException | IllegalArgumentException e) {
            throw new CertificateRequestException(CertificateRequestException.Kind.INVALID_RESPONSE,
                    "the control plane at " + target + " returned an unusable certificate: " + e.getMessage(), e);
        }
    }

    /** One raw Sign call, the answer unchecked: for tools and tests that craft their own requests. */
    public SignResponse call(SignRequest request) throws CertificateRequestException {
        ManagedChannel channel;
        try {
            channel = NettyChannelBuilder.forTarget(target).sslContext(tls.create()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new CertificateRequestException(CertificateRequestException.Kind.UNREACHABLE,
                    "cannot set up TLS to " + target + ": " + e.getMessage(), e);
        }
        try {
            return ClientCalls.blockingUnaryCall(channel, CertificateService.SIGN,
                    CallOptions.DEFAULT.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), request);
        } catch (StatusRuntimeException e) {
            throw failure(e);
        } finally {
            channel.shutdownNow();
        }
    }

    private CertificateRequestException failure(StatusRuntimeException e) {
        Status status = e.getStatus();
        return switch (status.getCode()) {
            case INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED -> new CertificateRequestException(CertificateRequestException.Kind.REFUSED,
                    "the control plane refused: " + status.getCode() + ": " + status.getDescription(), e);
            default -> new CertificateRequestException(CertificateRequestException.Kind.UNREACHABLE,
                    "no certificate from the control plane at " + target + ": " + status.getCode() + ": " + describe(status), e);
        };
    }

    /** The description, or the innermost cause: for a failed handshake that is the trust manager's reason. */
    private static String describe(Status status) {
        Throwable cause = status.getCause();
        if (cause == null) {
            return String.valueOf(status.getDescription());
        }
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
