package io.tollgate.dataplane.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.tollgate.identity.SpiffeId;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The originating side of mesh mTLS, used by a sidecar towards the gateway: TLS 1.3, the workload certificate
 * as client certificate, SNI chosen by the route, no host-name verification (the peer is judged by its SPIFFE ID,
 * through the {@link PeerAuthenticator} and then {@link #peerIdentity}).
 *
 * <p>Sessions are resumed: the context keeps a client session cache keyed by the peer's {@code ip:port}, so a
 * sidecar's repeated connections to one gateway skip the full handshake. A reload starts a fresh cache.
 */
public final class MeshClientTls {
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final Duration handshakeTimeout;

    private record Loaded(SslContext context, PeerAuthenticator peers) {
    }

    public MeshClientTls(TlsIdentity identity, Duration handshakeTimeout) {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("TLS handshake timeout must be positive, got " + handshakeTimeout);
        }
        this.handshakeTimeout = handshakeTimeout;
        reload(identity);
    }

    public void reload(TlsIdentity identity) {
        try {
            SslContext context = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.OPENSSL)
                    .protocols(MeshTlsVersions.PROTOCOLS)
                    .keyManager(identity.privateKey(), identity.chainArray())
                    .trustManager(new SpiffeTrustManager(identity.peers()))
                    // Mesh peers are named by SPIFFE ID, not host name; PeerAuthenticator checks that instead.
                    .endpointIdentificationAlgorithm(null)
                    .build();
            current.set(new Loaded(context, identity.peers()));
        } catch (SSLException e) {
            throw new IllegalArgumentException("client TLS credentials: " + e.getMessage(), e);
        }
    }

    /**
     * A handler for one connection to {@code peer}, sending {@code serverName} as SNI (none when empty). The
     * peer address is the session-cache key.
     */
    public SslHandler newHandler(ByteBufAllocator allocator, InetSocketAddress peer, Optional<String> serverName) {
        SslHandler handler = current.get().context()
                .newHandler(allocator, peer.getAddress().getHostAddress(), peer.getPort());
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(serverName.map(name -> List.<javax.net.ssl.SNIServerName>of(new SNIHostName(name)))
                .orElse(List.of()));
        engine.setSSLParameters(parameters);
        handler.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        return handler;
    }

    /** The server's SPIFFE ID, once the handshake of {@code handler} has succeeded. */
    public SpiffeId peerIdentity(SslHandler handler) throws CertificateException {
        return PeerIdentity.of(handler, current.get().peers());
    }
}
