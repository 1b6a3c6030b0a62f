package io.tollgate.identity;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Puts {@link PeerVerifier} into a TLS handshake, for either side: a peer that fails it fails the handshake.
 * Host names are deliberately not checked: mesh peers are named by their SPIFFE ID, not by DNS (Istio does
 * the same). Each verdict is reported to an {@link Observer} first, so the data plane can count rejections.
 */
public final class SpiffeTrustManager extends X509ExtendedTrustManager {
    /** Told about every verdict, on the handshake's thread; must be quick and must not throw. */
    public interface Observer {
        Observer NONE = new Observer() {
            @Override
            public void accepted(SpiffeId peer) {
            }

            @Override
            public void rejected(PeerRejectedException rejection) {
            }
        };

        void accepted(SpiffeId peer);

        void rejected(PeerRejectedException rejection);
    }

    private final PeerVerifier verifier;
    private final Observer observer;

    public SpiffeTrustManager(PeerVerifier verifier, Observer observer) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    private void check(X509Certificate[] chain) throws PeerRejectedException {
        try {
            observer.accepted(verifier.verify(chain));
        } catch (PeerRejectedException e) {
            observer.rejected(e);
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws PeerRejectedException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws PeerRejectedException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws PeerRejectedException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws PeerRejectedException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws PeerRejectedException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws PeerRejectedException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return verifier.trustBundle().roots().toArray(X509Certificate[]::new);
    }
}
