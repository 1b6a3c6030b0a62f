package io.tollgate.cli.local;

import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.pod.PodTesting;
import io.tollgate.dataplane.pod.Pods;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.MariaDbServer;
import io.tollgate.policy.route.Hostname;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two databases behind one egress gateway port, and a policy with {@code when: connection.sni} that lets
 * {@code demo-server} reach only one (resources in {@code two-databases/}): the sidecar sends each database's host
 * as SNI (its DestinationRule subset), the gateway routes and decides by it. Real pod, iptables, MariaDB servers on
 * port 3306 of their own loopback addresses, the real {@code mysql}. Root only.
 */
class TwoDatabasesBySniTest {
    private static final String DB_A = "db-a.mysql.example.com";
    private static final String DB_B = "db-b.mysql.example.com";
    private static final String POLICY = "istio-system/demo-server-db-a-only";
    private static final Path RESOURCES = Path.of("src", "test", "resources", "two-databases").toAbsolutePath();
    private static MariaDbServer databaseA;
    private static MariaDbServer databaseB;

    @TempDir
    Path dir;

    private final List<AccessLogEntry> gatewayLog = new CopyOnWriteArrayList<>();
    private final List<AccessLogEntry> sidecarLog = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDatabases() throws Exception {
        assumeTrue(Superuser.isRoot(), "skipped: pods need root (network namespaces, iptables); CI runs it as root");
        databaseA = MariaDbServer.startOnOwnAddress();
        databaseB = MariaDbServer.startOnOwnAddress();
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        for (MariaDbServer database : new MariaDbServer[] {databaseA, databaseB}) {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void demoServerReachesDatabaseAButNotDatabaseB() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        LocalMeshSettings settings = new LocalMeshSettings(
                List.of(RESOURCES.resolve("mesh.yaml"), RESOURCES.resolve("policy.yaml")),
                Optional.of(RESOURCES.resolve("mesh-config.yaml")), state, new InetSocketAddress(loopback, 0),
                GatewayWorkload.ISTIO_DEFAULT, ListenerAddresses.ephemeral(loopback),
                Map.of(Hostname.of(DB_A), List.of(databaseA.address().getAddress()),
                        Hostname.of(DB_B), List.of(databaseB.address().getAddress())),
                gatewayLog::add);
        String podName;
        try (LocalMesh mesh = LocalMesh.start(settings);
             PodSession pod = PodSession.start(state, new PodIdentity("demo-server", "default", Map.of()), sidecarLog::add)) {
            podName = pod.pod().name();
            PodTesting.Ran reachedA = mysql(pod, DB_A);
            assertThat(reachedA.exitStatus()).as(reachedA.output()).isZero();
            assertThat(reachedA.output().strip()).as("answered by database A").isEqualTo(databaseA.address().getAddress().getHostAddress());
            AccessLogEntry allowed = awaitGatewayEntry(DB_A);
            assertThat(allowed.decision()).contains("allow");
            assertThat(allowed.policy()).contains(POLICY);
            assertThat(allowed.upstreamAddress()).contains(databaseA.address().getAddress().getHostAddress() + ":3306");

            PodTesting.Ran refusedB = mysql(pod, DB_B);
            assertThat(refusedB.exitStatus()).as(refusedB.output()).isNotZero();
            assertThat(refusedB.output()).contains("ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial communication packet'");
            AccessLogEntry denied = awaitGatewayEntry(DB_B);
            assertThat(denied.decision()).contains("deny");
            // No ALLOW rule matched, so no rule decided; the reason names the ALLOW policy that did not admit it.
            assertThat(denied.termination()).contains(POLICY);
            assertThat(denied.upstreamAddress()).isEmpty();
            // The sidecar logs when it has closed its side, which may come after the client has exited.
            Await.until("the sidecar's access log entry for " + DB_B,
                    () -> sidecarLog.stream().anyMatch(e -> e.destination().equals(Optional.of(DB_B + ":3306"))));
        }
        assertThat(new Pods().names()).doesNotContain(podName);
    }

    /** The walk-through's command against {@code host}, asking the server which address it listens on. */
    private static PodTesting.Ran mysql(PodSession pod, String host) throws Exception {
        return PodTesting.runIn(pod.pod(), "mysql", "--no-defaults", "--user=root", "--host", host, "--connect-timeout=10",
                "--batch", "--skip-column-names", "-e", "select @@bind_address");
    }

    private AccessLogEntry awaitGatewayEntry(String host) {
        Await.until("the gateway's access log entry for SNI " + host,
                () -> gatewayLog.stream().anyMatch(e -> e.serverName().equals(Optional.of(host))));
        return gatewayLog.stream().filter(e -> e.serverName().equals(Optional.of(host))).findFirst().orElseThrow();
    }
}
