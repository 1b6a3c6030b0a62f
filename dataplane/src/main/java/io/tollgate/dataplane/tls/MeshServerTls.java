package io.tollgate.dataplane.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.tollgate.identity.SpiffeId;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The accepting side of mesh mTLS ({@code ISTIO_MUTUAL}): TLS 1.3 only, a client certificate required and judged
 * by the {@link PeerAuthenticator}. {@link #reload} swaps credentials for new connections; a failed reload leaves
 * the previous ones in place.
 */
public final class MeshServerTls {
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final Duration handshakeTimeout;

    private record Loaded(SslContext context, PeerAuthenticator peers) {
    }

    public MeshServerTls(TlsIdentity identity, Duration handshakeTimeout) {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("TLS handshake timeout must be positive, got " + handshakeTimeout);
        }
        this.handshakeTimeout = handshakeTimeout;
        reload(identity);
    }

    /** Builds a context from {@code identity} and makes it the one new connections use. */
    public void reload(TlsIdentity identity) {
        try {
            SslContext context = SslContextBuilder.forServer(identity.privateKey(), identity.chainArray())
                    .sslProvider(SslProvider.OPENSSL)
                    .protocols(MeshTlsVersions.PROTOCOLS)
                    .clientAuth(ClientAuth.REQUIRE)
                    .trustManager(new SpiffeTrustManager(identity.peers()))
                    .build();
            current.set(new Loaded(context, identity.peers()));
        } catch (SSLException e) {
            throw new IllegalArgumentException("server TLS credentials: " + e.getMessage(), e);
        }
    }

    /** A handler for one accepted connection, with the newest credentials and the handshake timeout set. */
    public SslHandler newHandler(ByteBufAllocator allocator) {
        SslHandler handler = current.get().context().newHandler(allocator);
        handler.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        return handler;
    }

    /** The client's SPIFFE ID, once the handshake of {@code handler} has succeeded. */
    public SpiffeId peerIdentity(SslHandler handler) throws CertificateException {
        return PeerIdentity.of(handler, current.get().peers());
    }

    /** The server name the client asked for (SNI), if it sent one. */
    public static Optional<String> requestedServerName(SslHandler handler) {
        SSLSession session = handler.engine().getSession();
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return Optional.of(host.getAsciiName());
                }
            }
        }
        return Optional.empty();
    }
}
