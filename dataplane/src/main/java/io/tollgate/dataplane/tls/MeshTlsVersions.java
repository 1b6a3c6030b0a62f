package io.tollgate.dataplane.tls;

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

    private MeshTlsVersions() {
    }

    static Duration positive(Duration handshakeTimeout) {
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("TLS handshake timeout must be positive, got " + handshakeTimeout);
        }
        return handshakeTimeout;
    }
}
