package io.tollgate.dataplane.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.SpiffeTrustManager;
import io.tollgate.identity.WorkloadCredentials;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The originating side of mesh mTLS, used by a sidecar towards the gateway: TLS 1.3 on BoringSSL, the workload
 * certificate as client certificate, SNI chosen by the route, no host-name verification (mesh peers are named by
 * SPIFFE ID: the identity module's {@link SpiffeTrustManager} judges the server during the handshake, and
 * {@link #peerIdentity} names it afterwards).
 *
 * <p>Sessions are resumed: the context keeps a client session cache keyed by the peer's {@code ip:port}, so a
 * sidecar's repeated connections to one gateway skip the full handshake. A session is authenticated by the
 * certificate of its first handshake, so the cache belongs to one credential: when {@code credentials} yields a
 * new value (a rotation), the next connection builds a fresh context, presents the new certificate in a full
 * handshake and starts a new cache. Open connections keep the credentials they started with.
 *
 * <p>Threading: {@link #newHandler} runs on any event loop; a rotation may be noticed by two loops at once, and
 * then both build a context and the last one stays, which is harmless.
 */
public final class MeshClientTls {
    private final Supplier<WorkloadCredentials> credentials;
    private final SpiffeTrustManager.Observer observer;
    private final Duration handshakeTimeout;
    private volatile Loaded current;

    private final AtomicLong generations = new AtomicLong();

    /**
     * One credential's contexts: per connection, and for tunnels (the same, offering the tunnel protocol by ALPN).
     * Its identity is read from the certificate once, not per connection.
     */
    private record Loaded(WorkloadCredentials credentials, SpiffeId identity, VerifiedChains peers, SslContext context,
                          SslContext tunnelContext, long generation) {
    }

    /**
     * @param credentials what to present; read at each new connection, so it must be quick
     * @param peers       which servers are mesh members; a route may narrow it further ({@link #peerIdentity})
     * @param observer    told of every server verdict, e.g. to count rejections
     */
    public MeshClientTls(Supplier<WorkloadCredentials> credentials, PeerVerifier peers,
                         SpiffeTrustManager.Observer observer, Duration handshakeTimeout) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.handshakeTimeout = MeshTlsVersions.positive(handshakeTimeout);
        this.current = load(Objects.requireNonNull(credentials.get(), "credentials must be available at start"), peers);
    }

    /** Judges servers by {@code peers} from the next connection on (a new trust bundle); starts a new session cache. */
    public void trust(PeerVerifier peers) {
        current = load(credentials.get(), peers);
    }

    /**
     * A handler for one connection to {@code peer}, sending {@code serverName} as SNI (none when empty). The
     * peer address is the session-cache key.
     */
    public SslHandler newHandler(ByteBufAllocator allocator, InetSocketAddress peer, Optional<String> serverName) {
        return configure(loaded().context().newHandler(allocator, peer.getAddress().getHostAddress(), peer.getPort()),
                serverName);
    }

    private SslHandler configure(SslHandler handler, Optional<String> serverName) {
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(serverName.<List<SNIServerName>>map(name -> List.of(new SNIHostName(name))).orElse(List.of()));
        engine.setSSLParameters(parameters);
        handler.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        return handler;
    }

    /**
     * A handler for a tunnel to {@code peer}: as {@link #newHandler}, and offering the tunnel protocol. Whether the
     * server took it is {@link #tunnelNegotiated} after the handshake.
     */
    public SslHandler newTunnelHandler(ByteBufAllocator allocator, InetSocketAddress peer, Optional<String> serverName) {
        return configure(loaded().tunnelContext().newHandler(allocator, peer.getAddress().getHostAddress(), peer.getPort()),
                serverName);
    }

    /** Whether the server accepted the tunnel protocol on the connection of {@code handler}. */
    public static boolean tunnelNegotiated(SslHandler handler) {
        return MeshTlsVersions.TUNNEL_PROTOCOL.equals(handler.applicationProtocol());
    }

    /** When the server's certificate on the session of {@code handler} expires. */
    public static Instant peerValidUntil(SslHandler handler) {
        return PeerIdentity.validUntil(handler);
    }

    /**
     * Changes whenever what new connections present or trust changes (a rotation, a new trust bundle): a tunnel
     * made under an older generation takes no new streams.
     */
    public long generation() {
        return loaded().generation();
    }

    /** The server's SPIFFE ID, once the handshake of {@code handler} has succeeded (see {@link PeerIdentity}). */
    public SpiffeId peerIdentity(SslHandler handler) throws CertificateException {
        return PeerIdentity.of(handler, current.peers());
    }

    /**
     * Why the server on the session of {@code handler} is not acceptable to a route that accepts only
     * {@code subjectAltNames} (any mesh identity when empty), or empty when it is. {@code upstream} names it in
     * the reason.
     */
    public Optional<String> rejection(SslHandler handler, List<String> subjectAltNames, String upstream) {
        SpiffeId peer;
        try {
            peer = peerIdentity(handler);
        } catch (CertificateException e) {
            return Optional.of("upstream " + upstream + " is not a mesh workload: " + e.getMessage());
        }
        if (!subjectAltNames.isEmpty() && !subjectAltNames.contains(peer.toString())) {
            return Optional.of("upstream presented " + peer + "; the route accepts only " + subjectAltNames);
        }
        return Optional.empty();
    }

    /** Whether the handshake of {@code handler} resumed a cached session. */
    public static boolean resumed(SslHandler handler) {
        return PeerIdentity.resumed(handler);
    }

    /** The identity this side presents to new connections. */
    public SpiffeId localIdentity() {
        return loaded().identity();
    }

    private Loaded loaded() {
        Loaded loaded = current;
        WorkloadCredentials now = credentials.get();
        if (now != loaded.credentials()) {
            loaded = load(now, loaded.peers().verifier());
            current = loaded;
        }
        return loaded;
    }

    private Loaded load(WorkloadCredentials workload, PeerVerifier peers) {
        return new Loaded(workload, workload.identity(), new VerifiedChains(peers, Clock.systemUTC()),
                context(workload, peers, false), context(workload, peers, true), generations.incrementAndGet());
    }

    private SslContext context(WorkloadCredentials workload, PeerVerifier peers, boolean tunnel) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.OPENSSL)
                    .protocols(MeshTlsVersions.PROTOCOLS)
                    .keyManager(workload.privateKey(), workload.chain().toArray(X509Certificate[]::new))
                    .trustManager(new SpiffeTrustManager(peers, observer))
                    // Mesh peers are named by SPIFFE ID, not host name: the trust manager checks that instead.
                    .endpointIdentificationAlgorithm(null)
                    .sessionTimeout(MeshTlsVersions.SESSION_LIFETIME.toSeconds());
            if (tunnel) {
                builder.applicationProtocolConfig(MeshTlsVersions.tunnelAlpn());
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("client TLS context for " + workload + ": " + e.getMessage(), e);
        }
    }
}
