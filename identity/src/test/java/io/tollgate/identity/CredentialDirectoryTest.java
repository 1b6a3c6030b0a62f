package io.tollgate.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialDirectoryTest {
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");

    @TempDir
    Path temp;

    private WorkloadCredentials issue(CertificateAuthority ca) throws Exception {
        var keyPair = P256.generate();
        return new WorkloadCredentials(keyPair.getPrivate(),
                ca.sign(SigningRequest.create(keyPair, CLIENT), new AttestedIdentity(CLIENT, "test"), Optional.empty()), ca.trustBundle());
    }

    @Test
    void writesIstioFileNamesWithAnOwnerOnlyKeyAndReadsThemBack() throws Exception {
        CertificateAuthority ca = CertificateAuthority.initialize(new CaDirectory(temp.resolve("ca")), "cluster.local", Optional.empty(),
                IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
        WorkloadCredentials credentials = issue(ca);
        Path out = temp.resolve("out");

        CredentialDirectory.write(out, credentials);
        WorkloadCredentials read = CredentialDirectory.read(out);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("key.pem")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("cert-chain.pem")))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve("key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(read.chain()).isEqualTo(credentials.chain());
        assertThat(read.trustBundle()).isEqualTo(credentials.trustBundle());
        assertThat(read.identity()).isEqualTo(CLIENT);
    }

    @Test
    void saysWhenTheKeyAndChainDoNotBelongTogether() throws Exception {
        CertificateAuthority ca = CertificateAuthority.initialize(new CaDirectory(temp.resolve("ca")), "cluster.local", Optional.empty(),
                IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
        Path out = temp.resolve("out");
        CredentialDirectory.write(out, issue(ca));
        Files.writeString(out.resolve("cert-chain.pem"), Pem.encodeCertificates(issue(ca).chain()));

        assertThatThrownBy(() -> CredentialDirectory.read(out)).hasMessage(out + ": the private key does not belong to the leaf certificate");
    }

    @Test
    void pemErrorsNameTheFileAndTheBlock() throws Exception {
        Path der = temp.resolve("root.der");
        Files.write(der, TestCertificates.root("x").certificate().getEncoded());
        Path key = temp.resolve("key.pem");
        Files.writeString(key, Pem.encodePrivateKey(P256.generate().getPrivate()));

        assertThatThrownBy(() -> Pem.readCertificates(der)).hasMessage(der + ": no PEM CERTIFICATE block found");
        assertThatThrownBy(() -> Pem.readCertificates(key)).hasMessage(key + ": PEM block 1: not a CERTIFICATE but a PRIVATE KEY");
        assertThatThrownBy(() -> Pem.readCertificates(temp.resolve("missing.pem"))).hasMessageStartingWith(temp.resolve("missing.pem") + ": cannot read");
    }
}
