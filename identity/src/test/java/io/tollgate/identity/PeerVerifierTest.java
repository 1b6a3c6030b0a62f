package io.tollgate.identity;

import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeerVerifierTest {
    private static final String ID = "spiffe://cluster.local/ns/demo-server/sa/mysql-client";
    private final TestCertificates.Issued root = TestCertificates.root("cluster.local");
    private final PeerVerifier verifier = PeerVerifier.forMesh(TrustBundle.of(root.certificate()), "cluster.local",
            List.of("old.example"), Clock.systemUTC());

    @Test
    void acceptsAMeshIdentityAndReturnsIt() throws Exception {
        X509Certificate leaf = TestCertificates.leaf(root).uri(ID).build().certificate();

        assertThat(verifier.verify(List.of(leaf))).isEqualTo(SpiffeId.parse(ID));
    }

    @Test
    void acceptsATrustDomainAlias() throws Exception {
        X509Certificate leaf = TestCertificates.leaf(root).uri("spiffe://old.example/ns/a/sa/b").build().certificate();

        assertThat(verifier.verify(List.of(leaf))).isEqualTo(new SpiffeId("old.example", "a", "b"));
    }

    @Test
    void acceptsAChainThroughAnIntermediateAndARootSentAlong() throws Exception {
        TestCertificates.Issued intermediate = TestCertificates.leaf(root).subject("CN=intermediate").ca().build();
        X509Certificate leaf = TestCertificates.leaf(intermediate).uri(ID).build().certificate();

        assertThat(verifier.verify(List.of(leaf, intermediate.certificate(), root.certificate()))).isEqualTo(SpiffeId.parse(ID));
        assertThatThrownBy(() -> verifier.verify(List.of(leaf)))
                .isInstanceOf(PeerRejectedException.class)
                .satisfies(e -> assertThat(((PeerRejectedException) e).reason()).isEqualTo(PeerRejectedException.Reason.UNTRUSTED_CA));
    }

    @Test
    void rejectsAnExpiredCertificate() {
        Instant past = Instant.now().minus(Duration.ofDays(2));
        X509Certificate leaf = TestCertificates.leaf(root).uri(ID).validity(past, past.plus(Duration.ofDays(1))).build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.EXPIRED, "expired at");
    }

    @Test
    void rejectsACertificateNotYetValid() {
        Instant future = Instant.now().plus(Duration.ofDays(1));
        X509Certificate leaf = TestCertificates.leaf(root).uri(ID).validity(future, future.plus(Duration.ofDays(1))).build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.NOT_YET_VALID, "not valid before");
    }

    @Test
    void theInjectedClockDecidesValidity() throws Exception {
        X509Certificate leaf = TestCertificates.leaf(root).uri(ID).build().certificate();
        TestClock clock = TestClock.atSystemTime();
        PeerVerifier tomorrow = PeerVerifier.forMesh(TrustBundle.of(root.certificate()), "cluster.local", List.of(), clock);
        assertThat(tomorrow.verify(List.of(leaf))).isEqualTo(SpiffeId.parse(ID));

        clock.advance(Duration.ofDays(1));

        assertThatThrownBy(() -> tomorrow.verify(List.of(leaf))).hasMessageContaining("expired at");
    }

    @Test
    void rejectsACertificateFromAnotherCa() {
        TestCertificates.Issued other = TestCertificates.root("cluster.local"); // same name, other key
        X509Certificate leaf = TestCertificates.leaf(other).uri(ID).build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.UNTRUSTED_CA, "does not chain to the mesh trust bundle");
    }

    @Test
    void rejectsAnotherTrustDomain() {
        X509Certificate leaf = TestCertificates.leaf(root).uri("spiffe://evil.example/ns/demo-server/sa/mysql-client").build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.WRONG_TRUST_DOMAIN, "trust domain evil.example");
    }

    @Test
    void rejectsACertificateWithoutSan() {
        X509Certificate leaf = TestCertificates.leaf(root).subject("CN=mysql-client").build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.NO_URI_SAN, "no URI SAN");
    }

    @Test
    void rejectsACertificateWithOnlyADnsSan() {
        X509Certificate leaf = TestCertificates.leaf(root).dns("mysql-client.demo-server.svc").build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.NO_URI_SAN, "no URI SAN");
    }

    @Test
    void rejectsTwoUriSans() {
        X509Certificate leaf = TestCertificates.leaf(root).uri(ID).uri("spiffe://cluster.local/ns/demo-server/sa/other").build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.MULTIPLE_URI_SANS, "2 URI SANs");
    }

    @Test
    void rejectsAUriThatIsNotSpiffe() {
        X509Certificate leaf = TestCertificates.leaf(root).uri("https://cluster.local/ns/demo-server/sa/mysql-client").build().certificate();

        assertRejected(leaf, PeerRejectedException.Reason.NOT_SPIFFE, "is not a SPIFFE ID");
    }

    @Test
    void rejectsACaCertificateAsLeaf() {
        X509Certificate intermediate = TestCertificates.leaf(root).uri(ID).ca().build().certificate();

        assertRejected(intermediate, PeerRejectedException.Reason.LEAF_IS_CA, "is a CA certificate");
    }

    @Test
    void rejectsAnEmptyChain() {
        assertThatThrownBy(() -> verifier.verify(new X509Certificate[0]))
                .satisfies(e -> assertThat(((PeerRejectedException) e).reason()).isEqualTo(PeerRejectedException.Reason.EMPTY_CHAIN));
    }

    @Test
    void expectingDemandsExactlyThatIdentity() throws Exception {
        X509Certificate leaf = TestCertificates.leaf(root).uri(ID).build().certificate();
        PeerVerifier controlPlaneOnly = verifier.expecting(ControlPlaneIdentity.in("cluster.local"));

        assertThatThrownBy(() -> controlPlaneOnly.verify(List.of(leaf)))
                .satisfies(e -> assertThat(((PeerRejectedException) e).reason()).isEqualTo(PeerRejectedException.Reason.UNEXPECTED_IDENTITY))
                .hasMessageContaining("expected spiffe://cluster.local/ns/istio-system/sa/tollgate-control-plane");
        assertThat(verifier.expecting(SpiffeId.parse(ID)).verify(List.of(leaf))).isEqualTo(SpiffeId.parse(ID));
    }

    private void assertRejected(X509Certificate leaf, PeerRejectedException.Reason reason, String message) {
        assertThatThrownBy(() -> verifier.verify(List.of(leaf)))
                .isInstanceOf(PeerRejectedException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PeerRejectedException) e).reason()).isEqualTo(reason));
    }
}
