package io.tollgate.identity;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningRequestTest {
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");

    @Test
    void roundTripsThroughPem() throws Exception {
        KeyPair keyPair = P256.generate();

        SigningRequest parsed = SigningRequest.parse(SigningRequest.create(keyPair, CLIENT).toPem());

        assertThat(parsed.identity()).isEqualTo(CLIENT);
        assertThat(parsed.publicKey()).isEqualTo(keyPair.getPublic());
    }

    @Test
    void refusesACsrSignedWithAnotherKeyThanTheOneItCarries() throws Exception {
        KeyPair claimed = P256.generate();
        KeyPair signer = P256.generate();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, true,
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, CLIENT.toString())));
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), claimed.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));

        assertThatThrownBy(() -> SigningRequest.parse(Pem.block("CERTIFICATE REQUEST", csr.getEncoded())))
                .isInstanceOf(CredentialException.class)
                .hasMessage("CSR: signature does not verify with the CSR's public key (no proof of possession)");
    }

    @Test
    void refusesACsrWithoutAUriSan() throws Exception {
        KeyPair keyPair = P256.generate();
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=mysql-client"), keyPair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()));

        assertThatThrownBy(() -> SigningRequest.parse(Pem.block("CERTIFICATE REQUEST", csr.getEncoded())))
                .hasMessage("CSR: must request exactly one URI SAN (the SPIFFE ID), found 0");
    }

    @Test
    void refusesWeakRsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);

        assertThatThrownBy(() -> SigningRequest.parse(SigningRequest.create(generator.generateKeyPair(), CLIENT).toPem()))
                .hasMessage("CSR: RSA key of 1024 bits; at least 2048 are required");
    }

    @Test
    void refusesSomethingThatIsNotACsr() {
        String certificate = Pem.encodeCertificates(java.util.List.of(TestCertificates.root("x").certificate()));

        assertThatThrownBy(() -> SigningRequest.parse(certificate)).hasMessage("CSR: not a CERTIFICATE REQUEST but a CERTIFICATE");
        assertThatThrownBy(() -> SigningRequest.parse("garbage")).hasMessageContaining("CSR: expected exactly one PEM CERTIFICATE REQUEST block, found 0");
    }
}
