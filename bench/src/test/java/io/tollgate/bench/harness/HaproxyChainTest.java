package io.tollgate.bench.harness;

import io.tollgate.bench.load.BulkEcho;
import io.tollgate.bench.load.EchoServer;
import io.tollgate.bench.load.FirstPacket;
import io.tollgate.bench.load.GreetingRateClient;
import io.tollgate.bench.load.GreetingRateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HAProxy arm for real: certificates from bench/lib/gen-certs.sh, a real MariaDB, the echo server, two haproxy
 * processes; the identity guard and the load clients through the chain.
 */
class HaproxyChainTest {
    @TempDir
    static Path temp;
    private static RunDirectory dir;
    private static EchoServer echo;
    private static Mariadb mariadb;
    private static ArmState.Running arm;

    @BeforeAll
    static void start() throws Exception {
        dir = new RunDirectory(temp);
        Process certs = new ProcessBuilder("lib/gen-certs.sh", dir.pki().toString()).inheritIO().start();
        assertThat(certs.waitFor(60, TimeUnit.SECONDS) && certs.exitValue() == 0).as("gen-certs.sh").isTrue();
        echo = EchoServer.start(new InetSocketAddress("127.0.0.1", 0));
        mariadb = Mariadb.start(dir);
        Upstreams upstreams = new Upstreams(new Destination(Upstreams.ECHO_HOST, echo.address()),
                new Destination(Upstreams.IPERF_HOST, new InetSocketAddress("127.0.0.1", Ports.free())),
                new Destination(Upstreams.MYSQL_HOST, mariadb.address()));
        ArmContext context = new ArmContext(dir, new Pki(dir.pki()), upstreams,
                new Tools(Path.of("/unused"), ""), 500, 1);
        arm = (ArmState.Running) new HaproxyArm().start(context);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (arm != null) {
            arm.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void theGatewayAdmitsTheWorkloadAndRefusesAWrongIdentityAndNoCertificate() throws IOException {
        Recorder recorder = new Recorder(new Progress(System.err));
        new IdentityTrial().run(new TrialScope(1, "haproxy", arm, recorder));
        assertThat(recorder.guards()).hasSize(3);
        assertThat(recorder.failedGuards()).isEmpty();
    }

    @Test
    void theGatewayIsNoOpenProxyAnSniWithoutARouteIsClosed() throws IOException {
        GatewayDoor door = arm.endpoints().gateway().orElseThrow();
        GatewayDoor unrouted = new GatewayDoor(door.address(), "elsewhere.example", door.trustedCa(),
                door.admittedKeys(), door.intruderKeys());
        assertThat(IdentityProbe.knock(door, Optional.of(door.admittedKeys()))).isInstanceOf(FirstPacket.Greeting.class);
        assertThat(IdentityProbe.knock(unrouted, Optional.of(door.admittedKeys()))).isInstanceOf(FirstPacket.Closed.class);
    }

    @Test
    void mysqlGreetsThroughBothSidecarListeners() throws InterruptedException {
        for (InetSocketAddress entry : List.of(arm.endpoints().mysql(), arm.endpoints().mysqlFullHandshake().orElseThrow())) {
            GreetingRateResult result = GreetingRateClient.run(entry, 2, Duration.ofMillis(300));
            assertThat(result.allGreeted()).as(result.describe()).isTrue();
        }
    }

    @Test
    void bytesCrossTheChainIntactAndIdleConnectionsCostMemory() throws Exception {
        assertThat(BulkEcho.run(arm.endpoints().echo(), 8_000_000, 3).intact()).isTrue();
        Recorder recorder = new Recorder(new Progress(System.err));
        new IdleMemoryTrial(200, 2, Path.of("/unused"), dir).run(new TrialScope(1, "haproxy", arm, recorder));
        assertThat(recorder.failedGuards()).isEmpty();
        Sample rss = recorder.samples().stream().filter(s -> s.metric().equals("idle.rss")).findFirst().orElseThrow();
        assertThat(rss.value()).as("KB per idle connection").isPositive();
    }

    @Test
    void theCertificatesAreEcdsaP256WithTheSpiffeIdsAndTheGatewayNamesEveryRoutedHost() throws Exception {
        Pki pki = new Pki(dir.pki());
        X509Certificate gateway = certificate(pki.certificate(Pki.Identity.GATEWAY));
        assertThat(gateway.getSubjectAlternativeNames()).contains(List.of(6, Pki.GATEWAY_ID),
                List.of(2, Upstreams.ECHO_HOST), List.of(2, Upstreams.IPERF_HOST), List.of(2, Upstreams.MYSQL_HOST));
        assertThat(certificate(pki.certificate(Pki.Identity.SIDECAR)).getSubjectAlternativeNames())
                .containsExactly(List.of(6, Pki.SIDECAR_ID));
        assertThat(certificate(pki.certificate(Pki.Identity.INTRUDER)).getSubjectAlternativeNames())
                .containsExactly(List.of(6, Pki.INTRUDER_ID));
        ECPublicKey key = (ECPublicKey) gateway.getPublicKey();
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        gateway.verify(certificate(pki.caCertificate()).getPublicKey());
    }

    private static X509Certificate certificate(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void everyProcessStartedIsRecordedForTheExitTrap() throws IOException {
        List<String> pids = Files.readAllLines(dir.pidFile());
        for (ChildProcess proxy : arm.proxies()) {
            assertThat(pids).contains(proxy.pid() + " " + ProcFs.startTime(proxy.pid()).orElseThrow());
        }
    }
}
