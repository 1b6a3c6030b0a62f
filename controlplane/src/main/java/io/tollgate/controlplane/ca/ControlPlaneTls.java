package io.tollgate.controlplane.ca;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.tollgate.identity.ControlPlaneIdentity;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.PinnedRootTrustManager;
import io.tollgate.identity.RotatingKeyManager;
import io.tollgate.identity.SpiffeTrustManager;
import io.tollgate.identity.WorkloadCredentials;

import javax.net.ssl.SSLException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The TLS contexts of control-plane gRPC, server and client. Peers are authenticated by SPIFFE ID, never by host
 * name, so host-name checks are off and the trust managers check the URI SAN instead. Contexts are built once;
 * the key managers follow credential rotation by themselves.
 */
public final class ControlPlaneTls {
    private ControlPlaneTls() {
    }

    /**
     * The server: presents the control plane's rotating certificate with its root (bootstrap clients pin that root),
     * and asks for a client certificate without requiring one (bootstrap clients have none, only a token). A
     * client certificate that is presented must pass {@code clientVerifier}, or the handshake fails.
     */
    public static SslContext server(Supplier<WorkloadCredentials> serving, PeerVerifier clientVerifier) throws SSLException {
        return GrpcSslContexts.configure(SslContextBuilder.forServer(new RotatingKeyManager(serving, RotatingKeyManager.Presentation.CHAIN_WITH_ROOT)))
                .trustManager(new SpiffeTrustManager(clientVerifier, SpiffeTrustManager.Observer.NONE))
                .clientAuth(ClientAuth.OPTIONAL)
                .build();
    }

    /** A client with only a join token: no certificate of its own; trusts the server that presents the pinned root. */
    public static SslContext bootstrapClient(Fingerprint root, String trustDomain, Clock clock) throws SSLException {
        return GrpcSslContexts.forClient()
                .trustManager(new PinnedRootTrustManager(root, ControlPlaneIdentity.in(trustDomain), clock))
                .endpointIdentificationAlgorithm(null)
                .build();
    }

    /** A mesh client: presents its own rotating certificate; the server must be the control plane of its trust bundle. */
    public static SslContext meshClient(Supplier<WorkloadCredentials> own, PeerVerifier serverVerifier) throws SSLException {
        return GrpcSslContexts.forClient()
                .keyManager(new RotatingKeyManager(own, RotatingKeyManager.Presentation.CHAIN))
                .trustManager(new SpiffeTrustManager(serverVerifier, SpiffeTrustManager.Observer.NONE))
                .endpointIdentificationAlgorithm(null)
                .build();
    }
}
