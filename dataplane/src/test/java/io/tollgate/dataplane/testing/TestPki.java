package io.tollgate.dataplane.testing;

import io.tollgate.dataplane.tls.PeerAuthenticator;
import io.tollgate.dataplane.tls.TlsIdentity;
import io.tollgate.identity.SpiffeId;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A throwaway mesh CA made at test time: a root and SPIFFE workload certificates it signs. */
public final class TestPki {
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final AtomicLong serials = new AtomicLong(1);

    public TestPki(String name) {
        try {
            rootKeys = newKeys();
            X500Name subject = new X500Name("O=tollgate-test,CN=" + name);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                    Date.from(Instant.now().minus(Duration.ofMinutes(5))), Date.from(Instant.now().plus(Duration.ofDays(1))),
                    subject, rootKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            root = sign(builder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** Validates chains against this root only, and requires one SPIFFE URI SAN. */
    public PeerAuthenticator authenticator() {
        return new PkixSpiffeAuthenticator(root);
    }

    /** A workload identity signed by this CA, judging peers by this CA. */
    public TlsIdentity workload(SpiffeId id) {
        return workload(id, authenticator());
    }

    public TlsIdentity workload(SpiffeId id, PeerAuthenticator peers) {
        return issue(List.of(new GeneralName(GeneralName.uniformResourceIdentifier, id.toString())), peers);
    }

    /** A certificate from this CA that carries a DNS name only: a valid chain but no mesh identity. */
    public TlsIdentity withoutSpiffeId(String dnsName) {
        return issue(List.of(new GeneralName(GeneralName.dNSName, dnsName)), authenticator());
    }

    private TlsIdentity issue(List<GeneralName> names, PeerAuthenticator peers) {
        try {
            KeyPair keys = newKeys();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root,
                    BigInteger.valueOf(serials.incrementAndGet()), Date.from(Instant.now().minus(Duration.ofMinutes(5))),
                    Date.from(Instant.now().plus(Duration.ofHours(1))), new X500Name("O=tollgate-test"), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.subjectAlternativeName, true, new GeneralNames(names.toArray(GeneralName[]::new)));
            return new TlsIdentity(keys.getPrivate(), List.of(sign(builder)), peers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
