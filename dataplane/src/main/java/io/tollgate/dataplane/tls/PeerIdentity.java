package io.tollgate.dataplane.tls;

import io.netty.handler.ssl.SslHandler;
import io.tollgate.identity.SpiffeId;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/** The SPIFFE ID of the peer of an established mesh TLS session. */
final class PeerIdentity {
    private PeerIdentity() {
    }

    /**
     * The ID the trust manager recorded during the handshake; on a resumed session, where no chain was checked,
     * the stored chain is authenticated again with today's trust bundle.
     */
    static SpiffeId of(SslHandler handler, PeerAuthenticator peers) throws CertificateException {
        SSLSession session = handler.engine().getSession();
        if (session.getValue(SpiffeTrustManager.PEER_ID) instanceof SpiffeId id) {
            return id;
        }
        Certificate[] presented;
        try {
            presented = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new CertificateException("the peer presented no certificate", e);
        }
        X509Certificate[] chain = new X509Certificate[presented.length];
        for (int i = 0; i < presented.length; i++) {
            if (!(presented[i] instanceof X509Certificate x509)) {
                throw new CertificateException("the peer presented a non-X.509 certificate");
            }
            chain[i] = x509;
        }
        SpiffeId id = peers.authenticate(chain);
        session.putValue(SpiffeTrustManager.PEER_ID, id);
        return id;
    }
}
