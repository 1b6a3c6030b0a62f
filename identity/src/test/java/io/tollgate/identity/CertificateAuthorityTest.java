package io.tollgate.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateAuthorityTest {
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");
    private static final IssuancePolicy POLICY = new IssuancePolicy(Duration.ofHours(24), Duration.ofDays(7));

    @TempDir
    Path temp;

    private CertificateAuthority selfSigned() throws Exception {
        return CertificateAuthority.initialize(new CaDirectory(temp.resolve("state")), "cluster.local", Optional.empty(), POLICY, Clock.systemUTC());
    }

    private static List<X509Certificate> sign(CertificateAuthority ca, SpiffeId identity, Optional<Duration> ttl) throws Exception {
        return ca.sign(SigningRequest.create(P256.generate(), identity), new AttestedIdentity(identity, "test"), ttl);
    }

    @Test
    void firstStartMakesAP256RootWithAnOwnerOnlyKey() throws Exception {
        CertificateAuthority ca = selfSigned();
        CaDirectory directory = new CaDirectory(temp.resolve("state"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.path()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.rootKey()))).isEqualTo("rw-------");
        assertThat(ca.root().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(ca.root().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.root().getSubjectX500Principal().getName()).contains("O=cluster.local");
        assertThat(ca.origin()).isEqualTo(CertificateAuthority.Origin.SELF_SIGNED_ROOT);
        assertThat(ca.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void laterStartsLoadTheSameRoot() throws Exception {
        X509Certificate first = selfSigned().root();

        assertThat(selfSigned().root()).isEqualTo(first);
        assertThat(CertificateAuthority.load(new CaDirectory(temp.resolve("state")), POLICY, Clock.systemUTC()).root()).isEqualTo(first);
    }

    @Test
    void refusesAnotherTrustDomainThanTheOneRecorded() throws Exception {
        selfSigned();

        assertThatThrownBy(() -> CertificateAuthority.initialize(new CaDirectory(temp.resolve("state")), "other.example",
                Optional.empty(), POLICY, Clock.systemUTC()))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("holds a CA for trust domain cluster.local, not other.example");
    }

    @Test
    void loadingAnEmptyDirectorySaysToInitialise() {
        assertThatThrownBy(() -> CertificateAuthority.load(new CaDirectory(temp), POLICY, Clock.systemUTC()))
                .hasMessageContaining("holds no CA; run: tollgate ca init --state-dir " + temp);
    }

    @Test
    void refusesARootKeyOthersCanRead() throws Exception {
        selfSigned();
        Path key = new CaDirectory(temp.resolve("state")).rootKey();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> CertificateAuthority.load(new CaDirectory(temp.resolve("state")), POLICY, Clock.systemUTC()))
                .hasMessageContaining("mode rw-r--r--").hasMessageContaining("chmod 600 " + key);
    }

    @Test
    void issuesTheIstioWorkloadShape() throws Exception {
        CertificateAuthority ca = selfSigned();

        List<X509Certificate> chain = sign(ca, CLIENT, Optional.empty());

        assertThat(chain).hasSize(1);
        X509Certificate leaf = chain.getFirst();
        leaf.verify(ca.root().getPublicKey());
        assertThat(SubjectAltNames.describe(leaf)).containsExactly("URI:" + CLIENT);
        assertThat(leaf.getCriticalExtensionOIDs()).contains("2.5.29.17"); // SAN critical: the subject is empty
        assertThat(leaf.getSubjectX500Principal().getName()).isEmpty();
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        boolean[] usage = leaf.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[2]).as("keyEncipherment").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void honoursARequestedLifetimeUpToTheMaximum() throws Exception {
        CertificateAuthority ca = selfSigned();

        X509Certificate leaf = sign(ca, CLIENT, Optional.of(Duration.ofHours(1))).getFirst();

        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant())).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> sign(ca, CLIENT, Optional.of(Duration.ofDays(8))))
                .isInstanceOf(IssuanceException.class).hasMessageContaining("exceeds the CA's maximum of PT168H");
    }

    @Test
    void refusesACsrForAnotherIdentityThanTheAttestedOne() throws Exception {
        CertificateAuthority ca = selfSigned();
        SigningRequest csr = SigningRequest.create(P256.generate(), SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/admin"));

        assertThatThrownBy(() -> ca.sign(csr, new AttestedIdentity(CLIENT, "test"), Optional.empty()))
                .isInstanceOf(IssuanceException.class)
                .hasMessageContaining("the CSR requests spiffe://cluster.local/ns/demo-server/sa/admin but the caller proved " + CLIENT);
    }

    @Test
    void refusesIdentitiesOutsideItsTrustDomainAndTheControlPlanesOwn() throws Exception {
        CertificateAuthority ca = selfSigned();

        assertThatThrownBy(() -> sign(ca, SpiffeId.parse("spiffe://other.example/ns/a/sa/b"), Optional.empty()))
                .hasMessageContaining("outside this CA's trust domain cluster.local");
        assertThatThrownBy(() -> sign(ca, ControlPlaneIdentity.in("cluster.local"), Optional.empty()))
                .hasMessageContaining("reserved for the control plane");
    }

    @Test
    void issuesItsOwnServingCredentials() throws Exception {
        CertificateAuthority ca = selfSigned();

        WorkloadCredentials serving = ca.issueControlPlaneCredentials();

        assertThat(serving.identity()).isEqualTo(ControlPlaneIdentity.in("cluster.local"));
        assertThat(serving.chainWithRoot()).containsExactly(serving.leaf(), ca.root());
        assertThat(serving.toString()).contains("tollgate-control-plane").doesNotContain("private");
    }

    @Test
    void signsAsAPlugInIntermediate() throws Exception {
        Path cacerts = Files.createDirectories(temp.resolve("cacerts"));
        Openssl.makePlugInCa(cacerts);
        CaDirectory directory = new CaDirectory(temp.resolve("state"));

        CertificateAuthority ca = CertificateAuthority.initialize(directory, "cluster.local", Optional.of(cacerts), POLICY, Clock.systemUTC());
        List<X509Certificate> chain = sign(ca, CLIENT, Optional.empty());

        assertThat(ca.origin()).isEqualTo(CertificateAuthority.Origin.PLUG_IN_INTERMEDIATE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.cacerts().resolve("ca-key.pem")))).isEqualTo("rw-------");
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(ca.signingCertificate());
        assertThat(chain.getFirst().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(ca.root()).isEqualTo(TrustBundle.read(cacerts.resolve("root-cert.pem")).roots().getFirst());
        PeerVerifier verifier = PeerVerifier.forMesh(ca.trustBundle(), "cluster.local", List.of(), Clock.systemUTC());
        assertThat(verifier.verify(chain)).isEqualTo(CLIENT);
        assertThat(CertificateAuthority.load(directory, POLICY, Clock.systemUTC()).signingCertificate()).isEqualTo(ca.signingCertificate());
    }

    @Test
    void refusesAPlugInCaWhoseKeyDoesNotMatch() throws Exception {
        Path cacerts = Files.createDirectories(temp.resolve("cacerts"));
        Openssl.makePlugInCa(cacerts);
        Files.writeString(cacerts.resolve("ca-key.pem"), Pem.encodePrivateKey(P256.generate().getPrivate()));

        assertThatThrownBy(() -> CertificateAuthority.initialize(new CaDirectory(temp.resolve("state")), "cluster.local",
                Optional.of(cacerts), POLICY, Clock.systemUTC()))
                .hasMessageContaining("ca-key.pem: this key does not belong to " + cacerts.resolve("ca-cert.pem"));
        assertThat(temp.resolve("state/trust-domain")).doesNotExist();
    }

    @Test
    void refusesAPlugInChainThatDoesNotReachTheRoot() throws Exception {
        Path cacerts = Files.createDirectories(temp.resolve("cacerts"));
        Openssl.makePlugInCa(cacerts);
        KeyPair otherKey = P256.generate();
        Files.writeString(cacerts.resolve("root-cert.pem"), Pem.encodeCertificates(List.of(
                CertificateTemplates.selfSignedRoot(otherKey, "Istio", java.time.Instant.now(), java.time.Instant.now().plus(Duration.ofDays(1))))));

        assertThatThrownBy(() -> CertificateAuthority.initialize(new CaDirectory(temp.resolve("state")), "cluster.local",
                Optional.of(cacerts), POLICY, Clock.systemUTC()))
                .hasMessageContaining("cert-chain.pem: does not lead from ca-cert.pem to a root in root-cert.pem");
    }

    @Test
    void namesTheFileOfAnUnreadablePem() throws Exception {
        Path cacerts = Files.createDirectories(temp.resolve("cacerts"));
        Openssl.makePlugInCa(cacerts);
        Files.writeString(cacerts.resolve("ca-cert.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> CertificateAuthority.initialize(new CaDirectory(temp.resolve("state")), "cluster.local",
                Optional.of(cacerts), POLICY, Clock.systemUTC()))
                .hasMessageStartingWith(cacerts.resolve("ca-cert.pem") + ": PEM block 1: malformed");
    }
}
