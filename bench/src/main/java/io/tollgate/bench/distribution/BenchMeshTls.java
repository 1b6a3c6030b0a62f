package io.tollgate.bench.distribution;

import io.grpc.ChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.tollgate.controlplane.ca.ControlPlaneTls;
import io.tollgate.identity.AttestedIdentity;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.ControlPlaneIdentity;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.IssuanceException;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.P256;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SigningRequest;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;

import javax.net.ssl.SSLException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's mesh TLS, made the way the control plane makes it: a real {@link CertificateAuthority} in a
 * throw-away directory signs each proxy's {@link SigningRequest} (attestation is taken as given: the benchmark
 * measures distribution, not admission), and the TLS contexts are the control plane's own {@link ControlPlaneTls}.
 */
final class BenchMeshTls {
    private final CertificateAuthority ca;
    private final Clock clock;

    private BenchMeshTls(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** A new self-signed CA for {@code cluster.local}, kept in {@code directory} (which must not exist yet). */
    static BenchMeshTls create(Path directory, Clock clock) throws CredentialException {
        return new BenchMeshTls(CertificateAuthority.initialize(new CaDirectory(directory), "cluster.local",
                Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS, clock), clock);
    }

    /** How the control plane judges its clients: mesh members under the CA. */
    PeerVerifier clientVerifier() {
        return PeerVerifier.forMesh(ca.trustBundle(), ca.trustDomain(), List.of(), clock);
    }

    /** The control plane's server context: its own certificate, mesh clients verified against the CA. */
    SslContext server() throws SSLException {
        WorkloadCredentials serving = ca.issueControlPlaneCredentials();
        return ControlPlaneTls.server(() -> serving, clientVerifier());
    }

    /** Client credentials of proxy {@code id}: a certificate the CA signed; the server must be the control plane. */
    ChannelCredentials client(SpiffeId id) throws IssuanceException, SSLException {
        KeyPair key = P256.generate();
        List<X509Certificate> chain = ca.sign(SigningRequest.create(key, id),
                new AttestedIdentity(id, "benchmark"), Optional.empty());
        WorkloadCredentials own = new WorkloadCredentials(key.getPrivate(), chain, ca.trustBundle());
        PeerVerifier server = PeerVerifier.forMesh(ca.trustBundle(), ca.trustDomain(), List.of(), clock)
                .expecting(ControlPlaneIdentity.in(ca.trustDomain()));
        return NettySslContextChannelCredentials.create(ControlPlaneTls.meshClient(() -> own, server));
    }
}
