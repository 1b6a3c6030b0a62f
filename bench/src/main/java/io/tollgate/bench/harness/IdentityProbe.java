package io.tollgate.bench.harness;

import io.tollgate.bench.load.FirstPacket;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;

/**
 * Knocks on a gateway's mTLS port directly, as a client that bypasses the sidecar, and reports the first MySQL
 * packet it gets back. The guard expects a greeting for the workload's own identity (so the refusals below are
 * not just a broken gateway) and no greeting for a wrong identity or no certificate at all.
 */
final class IdentityProbe {
    private IdentityProbe() {
    }

    /** Connects with {@code clientKeys} (a PKCS#12 file; empty for no client certificate) and reads the first packet. */
    static FirstPacket knock(GatewayDoor door, Optional<Path> clientKeys) throws IOException {
        SSLContext context = context(door.trustedCa(), clientKeys);
        try (Socket plain = new Socket()) {
            plain.connect(door.address(), 5_000);
            plain.setSoTimeout(5_000);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain,
                    door.address().getHostString(), door.address().getPort(), true)) {
                tls.setEnabledProtocols(new String[]{"TLSv1.3"});
                tls.setEnabledCipherSuites(new String[]{"TLS_AES_128_GCM_SHA256"});
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(door.sni())));
                tls.setSSLParameters(parameters);
                InputStream in;
                try {
                    tls.startHandshake();
                    in = tls.getInputStream();
                } catch (IOException refusedAtHandshake) {
                    return new FirstPacket.Closed("handshake: " + refusedAtHandshake.getMessage());
                }
                return FirstPacket.read(in);
            }
        }
    }

    private static SSLContext context(Path trustedCa, Optional<Path> clientKeys) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream ca = Files.newInputStream(trustedCa)) {
                trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManager[] keyManagers = null;
            if (clientKeys.isPresent()) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(clientKeys.get())) {
                    keys.load(in, Pki.P12_PASSWORD);
                }
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keys, Pki.P12_PASSWORD);
                keyManagers = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the probe's TLS context from " + trustedCa + ": " + e.getMessage(), e);
        }
    }
}
