package io.tollgate.dataplane.tls;

import io.tollgate.identity.SpiffeId;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Puts a {@link PeerAuthenticator} where TLS asks "do you trust this peer?", for both directions. Host names play
 * no part: mesh peers are named by the SPIFFE URI in their certificate. The authenticated ID is left in the
 * handshake session under {@link #PEER_ID} so {@link PeerIdentity} need not validate the chain twice.
 */
final class SpiffeTrustManager extends X509ExtendedTrustManager {
    static final String PEER_ID = "io.tollgate.peer-spiffe-id";
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];
    private final PeerAuthenticator peers;

    SpiffeTrustManager(PeerAuthenticator peers) {
        this.peers = peers;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        remember(engine, check(chain));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        remember(engine, check(chain));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // No CA hints in the CertificateRequest: a mesh workload has exactly one certificate to offer.
        return NO_ISSUERS;
    }

    private SpiffeId check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer presented no certificate");
        }
        return peers.authenticate(chain);
    }

    private static void remember(SSLEngine engine, SpiffeId id) {
        SSLSession session = engine == null ? null : engine.getHandshakeSession();
        if (session != null) {
            session.putValue(PEER_ID, id);
        }
    }
}
