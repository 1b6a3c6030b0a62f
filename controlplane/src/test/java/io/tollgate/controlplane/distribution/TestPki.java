package io.tollgate.controlplane.distribution;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.TrustBundle;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throw-away mesh CA for tests: an ECDSA P-256 root and leaf certificates whose only SAN is a SPIFFE URI, made
 * at test time with BouncyCastle, and gRPC credentials built from them.
 */
public final class TestPki {
    private static final char[] PASSWORD = "test".toCharArray();
    private final KeyPair rootKey;
    private final X509Certificate root;
    private final AtomicLong serials = new AtomicLong(1);

    public TestPki() throws Exception {
        rootKey = newKeyPair();
        X500Name name = new X500Name("O=tollgate-test,CN=test root");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), name,
                rootKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        root = sign(builder);
    }

    /** A workload credential for {@code id}: key and certificate signed by the root. */
    public Leaf issue(SpiffeId id) throws Exception {
        KeyPair key = newKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root,
                BigInteger.valueOf(serials.incrementAndGet()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofHours(1))), new X500Name("O=tollgate-test"), key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                .addExtension(Extension.subjectAlternativeName, true,
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, id.toString())));
        return new Leaf(key, sign(builder));
    }

    /** How the control plane judges these certificates: mesh members of {@code cluster.local} under the root. */
    public PeerVerifier verifier() {
        return PeerVerifier.forMesh(TrustBundle.of(root), "cluster.local", List.of(), Clock.systemUTC());
    }

    /** Server credentials presenting {@code leaf}, verifying client certificates against the root. */
    public ServerCredentials serverCredentials(Leaf leaf, TlsServerCredentials.ClientAuth clientAuth) throws Exception {
        return TlsServerCredentials.newBuilder()
                .keyManager(keyManagers(leaf))
                .trustManager(new RootTrust(root))
                .clientAuth(clientAuth)
                .build();
    }

    /** Client credentials presenting {@code leaf}, verifying the server's chain against the root. */
    public ChannelCredentials channelCredentials(Leaf leaf) throws Exception {
        return TlsChannelCredentials.newBuilder().keyManager(keyManagers(leaf)).trustManager(new RootTrust(root)).build();
    }

    /** Client credentials that trust the root but present no certificate. */
    public ChannelCredentials channelCredentialsWithoutCertificate() throws Exception {
        return TlsChannelCredentials.newBuilder().trustManager(new RootTrust(root)).build();
    }

    private KeyManager[] keyManagers(Leaf leaf) throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("leaf", leaf.key().getPrivate(), PASSWORD, new X509Certificate[]{leaf.certificate(), root});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD);
        return factory.getKeyManagers();
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey.getPrivate())));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    public record Leaf(KeyPair key, X509Certificate certificate) {
    }

    /**
     * Verifies chains against the root only. Mesh peers are named by SPIFFE ID, not host name, so no host name
     * check (an extended trust manager's engine-aware methods are where the JDK would do one).
     */
    private static final class RootTrust extends X509ExtendedTrustManager {
        private final X509TrustManager pkix;

        RootTrust(X509Certificate root) throws GeneralSecurityException, java.io.IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("root", root);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            pkix = (X509TrustManager) factory.getTrustManagers()[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }
}
