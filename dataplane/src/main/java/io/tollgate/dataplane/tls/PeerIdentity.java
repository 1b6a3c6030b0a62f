package io.tollgate.dataplane.tls;

import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.internal.tcnative.SSL;
import io.tollgate.identity.PeerRejectedException;
import io.tollgate.identity.SpiffeId;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** The SPIFFE ID of the peer of an established mesh TLS session. */
final class PeerIdentity {
    private PeerIdentity() {
    }

    /**
     * Verifies the session's peer chain with today's verifier and returns its identity. After a full handshake
     * the trust manager has just done the same; the repeat is what makes a resumed session safe, where no
     * certificate was checked at all: a session whose certificate has since expired, or whose root has left the
     * trust bundle, is refused here. A chain seen before is answered from {@link VerifiedChains}' memory.
     */
    static SpiffeId of(SslHandler handler, VerifiedChains peers) throws PeerRejectedException {
        Certificate[] presented;
        try {
            presented = handler.engine().getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new PeerRejectedException(PeerRejectedException.Reason.EMPTY_CHAIN, "the peer presented no certificate", e);
        }
        X509Certificate[] chain = new X509Certificate[presented.length];
        for (int i = 0; i < presented.length; i++) {
            if (!(presented[i] instanceof X509Certificate x509)) {
                throw new PeerRejectedException(PeerRejectedException.Reason.EMPTY_CHAIN,
                        "the peer presented a non-X.509 certificate");
            }
            chain[i] = x509;
        }
        return peers.verify(chain);
    }

    /**
     * The end of the validity of the peer's own certificate on the session of {@code handler}; a session without
     * one (it cannot pass {@link #of}) counts as expired.
     */
    static Instant validUntil(SslHandler handler) {
        try {
            Certificate[] presented = handler.engine().getSession().getPeerCertificates();
            if (presented.length > 0 && presented[0] instanceof X509Certificate leaf) {
                return leaf.getNotAfter().toInstant();
            }
        } catch (SSLPeerUnverifiedException e) {
            // No certificate: fall through to "already expired".
        }
        return Instant.EPOCH;
    }

    /** Whether the handshake of {@code handler} resumed an earlier session instead of exchanging certificates. */
    static boolean resumed(SslHandler handler) {
        if (!(handler.engine() instanceof ReferenceCountedOpenSslEngine engine)) {
            return false;
        }
        // The engine's lock keeps its native SSL from being freed while we read it; 0 means already freed.
        synchronized (engine) {
            long ssl = engine.sslPointer();
            return ssl != 0 && SSL.isSessionReused(ssl);
        }
    }
}
