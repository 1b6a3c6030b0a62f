package io.tollgate.identity;

import org.bouncycastle.asn1.x500.RDN;
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
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates of any shape, good or bad, made at test time: the CA only makes good ones, and the verifier must
 * be shown the bad ones.
 */
final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    record Issued(X509Certificate certificate, KeyPair keyPair) {
        WorkloadCredentials credentials(TrustBundle bundle, X509Certificate... intermediates) {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(List.of(intermediates));
            return new WorkloadCredentials(keyPair.getPrivate(), chain, bundle);
        }
    }

    private TestCertificates() {
    }

    static Issued root(String name) {
        KeyPair keyPair = P256.generate();
        Instant now = Instant.now();
        return new Issued(CertificateTemplates.selfSignedRoot(keyPair, name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))), keyPair);
    }

    /** A builder for a leaf (or an intermediate, with {@link LeafBuilder#ca()}) signed by {@code issuer}. */
    static LeafBuilder leaf(Issued issuer) {
        return new LeafBuilder(issuer);
    }

    static final class LeafBuilder {
        private final Issued issuer;
        private final List<GeneralName> names = new ArrayList<>();
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        private Instant notAfter = Instant.now().plus(Duration.ofHours(23));
        private boolean ca;
        private String subject = "";

        private LeafBuilder(Issued issuer) {
            this.issuer = issuer;
        }

        LeafBuilder uri(String uri) {
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
            return this;
        }

        LeafBuilder dns(String name) {
            names.add(new GeneralName(GeneralName.dNSName, name));
            return this;
        }

        LeafBuilder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        LeafBuilder ca() {
            this.ca = true;
            return this;
        }

        LeafBuilder subject(String subject) {
            this.subject = subject;
            return this;
        }

        Issued build() {
            try {
                KeyPair keyPair = P256.generate();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(notBefore), Date.from(notAfter), subject.isEmpty() ? new X500Name(new RDN[0]) : new X500Name(subject), keyPair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                if (ca) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                if (!names.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, subject.isEmpty(), new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.keyPair().getPrivate())));
                return new Issued(certificate, keyPair);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
