package io.tollgate.dataplane.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;

import java.time.Duration;

/** What both ends of mesh TLS agree on, because both ends are ours. */
final class MeshTlsVersions {
    /** TLS 1.3 only: there is no older peer to accommodate. */
    static final String[] PROTOCOLS = {"TLSv1.3"};

    /**
     * How long a session may be resumed after its full handshake. A resumed session is vouched for by the
     * certificates of that first handshake; an hour keeps them well inside their validity (workload certificates
     * live 24 h and rotate at half-life), and BoringSSL caps a TLS 1.3 session's renewals at this lifetime too.
     */
    static final Duration SESSION_LIFETIME = Duration.ofHours(1);

    /**
     * The ALPN name a sidecar offers when it wants a tunnel (HTTP/2 CONNECT streams over one mTLS connection, as
     * Istio's HBONE): a gateway that selects it serves streams; a peer that selects nothing gets one connection per
     * workload connection, as before.
     */
    static final String TUNNEL_PROTOCOL = "h2";

    private MeshTlsVersions() {
    }

    /** ALPN offering (client) or accepting (server) the tunnel protocol, and nothing else. */
    static ApplicationProtocolConfig tunnelAlpn() {
        return new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                // The only behaviours BoringSSL supports: no protocol selected means the peer gets none.
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                TUNNEL_PROTOCOL);
    }

    static Duration positive(Duration handshakeTimeout) {
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("TLS handshake timeout must be positive, got " + handshakeTimeout);
        }
        return handshakeTimeout;
    }
}
