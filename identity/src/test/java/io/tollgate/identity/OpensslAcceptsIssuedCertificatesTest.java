package io.tollgate.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The real openssl binary verifies what the CA issues, for a self-signed root and for a plug-in intermediate. */
class OpensslAcceptsIssuedCertificatesTest {
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");

    @TempDir
    Path temp;

    @Test
    void selfSignedRoot() throws Exception {
        CertificateAuthority ca = CertificateAuthority.initialize(new CaDirectory(temp.resolve("state")), "cluster.local",
                Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());

        verifyWithOpenssl(ca);
    }

    @Test
    void plugInIntermediate() throws Exception {
        Path cacerts = Files.createDirectories(temp.resolve("cacerts"));
        Openssl.makePlugInCa(cacerts);
        CertificateAuthority ca = CertificateAuthority.initialize(new CaDirectory(temp.resolve("state")), "cluster.local",
                Optional.of(cacerts), IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());

        verifyWithOpenssl(ca);
    }

    private void verifyWithOpenssl(CertificateAuthority ca) throws Exception {
        var keyPair = P256.generate();
        List<X509Certificate> chain = ca.sign(SigningRequest.create(keyPair, CLIENT), new AttestedIdentity(CLIENT, "test"), Optional.empty());
        Path out = temp.resolve("out");
        CredentialDirectory.write(out, new WorkloadCredentials(keyPair.getPrivate(), chain, ca.trustBundle()));
        Files.writeString(out.resolve("leaf.pem"), Pem.encodeCertificates(List.of(chain.getFirst())));

        String verify = Openssl.ok(out, "verify", "-CAfile", "root-cert.pem", "-untrusted", "cert-chain.pem", "leaf.pem");
        String san = Openssl.ok(out, "x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName");
        String keyCheck = Openssl.ok(out, "pkey", "-in", "key.pem", "-noout", "-text");

        assertThat(verify.strip()).isEqualTo("leaf.pem: OK");
        assertThat(san.lines().map(String::strip).toList())
                .containsExactly("X509v3 Subject Alternative Name: critical", "URI:" + CLIENT);
        assertThat(keyCheck).contains("Private-Key: (256 bit)");
    }
}
