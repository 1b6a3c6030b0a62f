package io.tollgate.dataplane.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.RotatingKeyManager;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.SpiffeTrustManager;
import io.tollgate.identity.WorkloadCredentials;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The accepting side of mesh mTLS ({@code ISTIO_MUTUAL}): TLS 1.3 on BoringSSL, a client certificate required and
 * judged by the identity module's {@link PeerVerifier} (through its {@link SpiffeTrustManager}, whose observer
 * hears every verdict).
 *
 * <p>Credentials rotate without a rebuild: the context's key manager is a {@link RotatingKeyManager} over
 * {@code credentials}, so each new handshake presents whatever the supplier holds at that moment (normally a
 * {@code CredentialRotator::current}) and established connections keep theirs. Only a new trust bundle builds a
 * new context ({@link #trust}). Session tickets are honoured for {@link MeshTlsVersions#SESSION_LIFETIME} at most.
 */
public final class MeshServerTls {
    private final Supplier<WorkloadCredentials> credentials;
    private final SpiffeTrustManager.Observer observer;
    private final Duration handshakeTimeout;
    private final boolean tunnels;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    private record Loaded(SslContext context, VerifiedChains peers) {
    }

    /**
     * @param credentials what to present; asked at every full handshake, so it must be quick
     * @param peers       who may connect: any identity of the mesh (the gateway authorizes afterwards)
     * @param observer    told of every peer verdict, e.g. to count rejections
     */
    public MeshServerTls(Supplier<WorkloadCredentials> credentials, PeerVerifier peers,
                         SpiffeTrustManager.Observer observer, Duration handshakeTimeout) {
        this(credentials, peers, observer, handshakeTimeout, true);
    }

    /** As above; with {@code tunnels} false the tunnel protocol is never selected: one connection per connection. */
    public MeshServerTls(Supplier<WorkloadCredentials> credentials, PeerVerifier peers,
                         SpiffeTrustManager.Observer observer, Duration handshakeTimeout, boolean tunnels) {
        this.tunnels = tunnels;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.handshakeTimeout = MeshTlsVersions.positive(handshakeTimeout);
        Objects.requireNonNull(credentials.get(), "credentials must be available at start");
        trust(peers);
    }

    /**
     * Judges new connections by {@code peers} from now on (a new trust bundle). If the context cannot be built,
     * the previous one stays and the error says why.
     */
    public void trust(PeerVerifier peers) {
        try {
            SslContextBuilder builder = SslContextBuilder
                    .forServer(new RotatingKeyManager(credentials, RotatingKeyManager.Presentation.CHAIN))
                    .sslProvider(SslProvider.OPENSSL)
                    .protocols(MeshTlsVersions.PROTOCOLS)
                    .clientAuth(ClientAuth.REQUIRE)
                    .trustManager(new SpiffeTrustManager(peers, observer))
                    .sessionTimeout(MeshTlsVersions.SESSION_LIFETIME.toSeconds());
            if (tunnels) {
                // Selected only when the client offers it; a client that offers nothing gets no ALPN at all.
                builder.applicationProtocolConfig(MeshTlsVersions.tunnelAlpn());
            }
            SslContext context = builder.build();
            current.set(new Loaded(context, new VerifiedChains(peers, Clock.systemUTC())));
        } catch (SSLException e) {
            throw new IllegalArgumentException("server TLS context: " + e.getMessage(), e);
        }
    }

    /** A handler for one accepted connection, with the handshake timeout set. */
    public SslHandler newHandler(ByteBufAllocator allocator) {
        SslHandler handler = current.get().context().newHandler(allocator);
        handler.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        return handler;
    }

    /** The client's SPIFFE ID, once the handshake of {@code handler} has succeeded (see {@link PeerIdentity}). */
    public SpiffeId peerIdentity(SslHandler handler) throws CertificateException {
        return PeerIdentity.of(handler, current.get().peers());
    }

    /** The identity this side presents now. */
    public SpiffeId localIdentity() {
        return credentials.get().identity();
    }

    /** Whether the client asked for a tunnel (ALPN) on the connection of {@code handler}, after its handshake. */
    public static boolean tunnelNegotiated(SslHandler handler) {
        return MeshTlsVersions.TUNNEL_PROTOCOL.equals(handler.applicationProtocol());
    }

    /** When the certificate the peer authenticated with expires: nothing new may ride on its session after that. */
    public static Instant peerValidUntil(SslHandler handler) {
        return PeerIdentity.validUntil(handler);
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
