package io.tollgate.controlplane.ca;

import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialRotator;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.P256;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.RenewalOutcome;
import io.tollgate.identity.RotationPolicy;
import io.tollgate.identity.Scheduler;
import io.tollgate.identity.SigningRequest;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing service end to end: a real gRPC server on a loopback port, real TLS, {@link CertificateClient}. */
class CertificateServiceTest {
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");
    private static final SpiffeId ADMIN = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/admin");

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private CaDirectory directory;
    private CertificateAuthority ca;
    private JoinTokens tokens;
    private CaEndpoint endpoint;
    private SigningServer server;
    private String target;

    @BeforeEach
    void start() throws Exception {
        directory = new CaDirectory(temp.resolve("state"));
        ca = CertificateAuthority.initialize(directory, "cluster.local", Optional.empty(),
                new IssuancePolicy(Duration.ofHours(24), Duration.ofDays(7)), clock);
        startServer();
    }

    private void startServer() throws Exception {
        tokens = JoinTokens.open(directory, Fingerprint.of(ca.root()), clock);
        endpoint = CaEndpoint.open(ca, tokens, clock, Scheduler.of(scheduler));
        server = SigningServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), endpoint.serverTls(), List.of(endpoint.service()));
        target = "127.0.0.1:" + server.address().getPort();
    }

    private void stopServer() throws Exception {
        endpoint.close();
        server.close();
    }

    @AfterEach
    void stop() throws Exception {
        stopServer();
        scheduler.shutdownNow();
    }

    private WorkloadCredentials bootstrap(SpiffeId identity) throws Exception {
        String token = tokens.mint(identity, Duration.ofHours(1));
        return CertificateClient.withToken(target, JoinToken.readClaims(token), clock).request(token, Optional.empty());
    }

    @Test
    void aJoinTokenBuysACertificateForItsIdentity() throws Exception {
        WorkloadCredentials credentials = bootstrap(CLIENT);

        assertThat(credentials.identity()).isEqualTo(CLIENT);
        assertThat(credentials.lifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(credentials.trustBundle().roots()).containsExactly(ca.root());
        assertThat(PeerVerifier.forMesh(credentials.trustBundle(), "cluster.local", List.of(), clock).verify(credentials.chain())).isEqualTo(CLIENT);
        assertThat(endpoint.servingCredentials().identity().serviceAccount()).isEqualTo("tollgate-control-plane");
    }

    @Test
    void aReplayedTokenIsRefusedAlsoAfterARestart() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        CertificateClient client = CertificateClient.withToken(target, JoinToken.readClaims(token), clock);
        client.request(token, Optional.empty());

        assertRefused(() -> client.request(token, Optional.empty()), "UNAUTHENTICATED", "already used at");

        stopServer();
        startServer();
        CertificateClient afterRestart = CertificateClient.withToken(target, JoinToken.readClaims(token), clock);
        assertRefused(() -> afterRestart.request(token, Optional.empty()), "UNAUTHENTICATED", "already used at");
    }

    @Test
    void aTokenForOneIdentityCannotObtainAnother() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        CertificateClient client = CertificateClient.withToken(target, JoinToken.readClaims(token), clock);
        String adminCsr = SigningRequest.create(P256.generate(), ADMIN).toPem();

        assertRefused(() -> client.call(new SignRequest(adminCsr, token, 0)), "PERMISSION_DENIED",
                "admits " + CLIENT + ", but the CSR requests " + ADMIN);
        assertThat(client.request(token, Optional.empty()).identity()).as("the token was not spent").isEqualTo(CLIENT);
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertRefused(() -> CertificateClient.withToken(target, JoinToken.readClaims(forged), clock).request(forged, Optional.empty()),
                "UNAUTHENTICATED", "is forged");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(6));

        assertRefused(() -> CertificateClient.withToken(target, JoinToken.readClaims(token), clock).request(token, Optional.empty()),
                "UNAUTHENTICATED", "expired at");
    }

    @Test
    void aLifetimeAboveTheMaximumIsRefusedWithoutSpendingTheToken() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        CertificateClient client = CertificateClient.withToken(target, JoinToken.readClaims(token), clock);

        assertRefused(() -> client.request(token, Optional.of(Duration.ofDays(8))), "INVALID_ARGUMENT", "exceeds the CA's maximum");
        assertThat(client.request(token, Optional.of(Duration.ofHours(2))).lifetime()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void withoutTokenOrCertificateNothingIsSigned() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        CertificateClient client = CertificateClient.withToken(target, JoinToken.readClaims(token), clock);

        assertRefused(() -> client.call(new SignRequest(SigningRequest.create(P256.generate(), CLIENT).toPem(), null, 0)),
                "UNAUTHENTICATED", "no credential");
        assertRefused(() -> client.call(new SignRequest("not a csr", token, 0)), "INVALID_ARGUMENT", "CSR: expected exactly one PEM");
    }

    @Test
    void aWorkloadRenewsItsOwnIdentityOverMtlsWithoutAToken() throws Exception {
        WorkloadCredentials first = bootstrap(CLIENT);
        CertificateClient renewing = CertificateClient.renewing(target, () -> first, clock);

        WorkloadCredentials renewed = renewing.renew(first, Optional.empty());

        assertThat(renewed.identity()).isEqualTo(CLIENT);
        assertThat(renewed.privateKey()).isNotEqualTo(first.privateKey());
        assertThat(renewed.leaf()).isNotEqualTo(first.leaf());
    }

    @Test
    void aMeshCertificateRenewsOnlyItsOwnIdentity() throws Exception {
        WorkloadCredentials client = bootstrap(CLIENT);
        CertificateClient renewing = CertificateClient.renewing(target, () -> client, clock);

        assertRefused(() -> renewing.call(new SignRequest(SigningRequest.create(P256.generate(), ADMIN).toPem(), null, 0)),
                "PERMISSION_DENIED", "renews only that identity");
    }

    @Test
    void aRotatorRenewsThroughTheService() throws Exception {
        WorkloadCredentials first = bootstrap(CLIENT);
        CredentialRotator[] holder = new CredentialRotator[1];
        CertificateClient client = CertificateClient.renewing(target, () -> holder[0].current(), clock);
        holder[0] = new CredentialRotator(first, client.renewer(), RotationPolicy.DEFAULT, clock, RandomGenerator.getDefault());

        RenewalOutcome outcome = holder[0].renewIfDue(holder[0].nextAttempt());

        assertThat(outcome).isInstanceOf(RenewalOutcome.Renewed.class);
        assertThat(holder[0].current().identity()).isEqualTo(CLIENT);
        assertThat(holder[0].current()).isNotSameAs(first);
    }

    @Test
    void aClientPinningAnotherRootDoesNotTalkToThisServer() throws Exception {
        CaDirectory otherDirectory = new CaDirectory(temp.resolve("other"));
        CertificateAuthority other = CertificateAuthority.initialize(otherDirectory, "cluster.local", Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS, clock);
        String foreign = JoinTokens.open(otherDirectory, Fingerprint.of(other.root()), clock).mint(CLIENT, Duration.ofHours(1));

        assertThatThrownBy(() -> CertificateClient.withToken(target, JoinToken.readClaims(foreign), clock).request(foreign, Optional.empty()))
                .isInstanceOf(CertificateRequestException.class)
                .hasMessageContaining("did not present the pinned root " + Fingerprint.of(other.root()))
                .satisfies(e -> assertThat(((CertificateRequestException) e).kind()).isEqualTo(CertificateRequestException.Kind.UNREACHABLE));
    }

    @Test
    void aClientWithACertificateFromAnotherCaFailsTheHandshake() throws Exception {
        CaDirectory otherDirectory = new CaDirectory(temp.resolve("other"));
        CertificateAuthority other = CertificateAuthority.initialize(otherDirectory, "cluster.local", Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS, clock);
        var keyPair = P256.generate();
        WorkloadCredentials impostor = new WorkloadCredentials(keyPair.getPrivate(), other.sign(SigningRequest.create(keyPair, CLIENT),
                new io.tollgate.identity.AttestedIdentity(CLIENT, "test"), Optional.empty()), ca.trustBundle());

        assertThatThrownBy(() -> CertificateClient.renewing(target, () -> impostor, clock).renew(impostor, Optional.empty()))
                .isInstanceOf(CertificateRequestException.class)
                .satisfies(e -> assertThat(((CertificateRequestException) e).kind()).isEqualTo(CertificateRequestException.Kind.UNREACHABLE));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code, String reason) {
        assertThatThrownBy(call)
                .isInstanceOf(CertificateRequestException.class)
                .hasMessageContaining(code)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((CertificateRequestException) e).kind()).isEqualTo(CertificateRequestException.Kind.REFUSED));
    }
}
