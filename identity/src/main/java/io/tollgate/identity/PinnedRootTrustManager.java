package io.tollgate.identity;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Trust on first contact for a client that has only a join token: the server must present, in its chain, the
 * root whose fingerprint the token carries, and the rest of the chain must be a valid mesh identity under that
 * root, and exactly the expected one (the control plane's). Client side only.
 */
public final class PinnedRootTrustManager extends X509ExtendedTrustManager {
    private final Fingerprint pin;
    private final SpiffeId expectedServer;
    private final Clock clock;

    public PinnedRootTrustManager(Fingerprint pin, SpiffeId expectedServer, Clock clock) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.expectedServer = Objects.requireNonNull(expectedServer, "expectedServer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        X509Certificate[] presented = chain == null ? new X509Certificate[0] : chain;
        X509Certificate root = Arrays.stream(presented).filter(pin::matches).findFirst()
                .orElseThrow(() -> new PeerRejectedException(PeerRejectedException.Reason.UNTRUSTED_CA,
                        "the server did not present the pinned root " + pin + "; it presented "
                                + Arrays.stream(presented).map(Fingerprint::of).toList()));
        PeerVerifier.forMesh(TrustBundle.of(root), expectedServer.trustDomain(), List.of(), clock)
                .expecting(expectedServer)
                .verify(presented);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a pinned-root trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
