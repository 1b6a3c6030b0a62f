package io.tollgate.cli.proxy;

import io.tollgate.dataplane.capture.NamespacedListener;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.pod.CommandRunner;
import io.tollgate.dataplane.pod.HostName;
import io.tollgate.dataplane.pod.Pod;
import io.tollgate.dataplane.pod.PodSpec;
import io.tollgate.dataplane.pod.Pods;
import io.tollgate.dataplane.testing.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tollgate.cli.proxy.LocalMesh.RDS;
import static io.tollgate.cli.proxy.LocalMesh.awaitLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A pod's sidecar agent in capture mode, as {@code tollgate run} starts it: the walk-through's command inside a
 * real network namespace reaches the database by its name through capture, sidecar, gateway agent and MariaDB;
 * a destination no ServiceEntry registers is black-holed under the seed's REGISTRY_ONLY. Needs root.
 */
class SidecarInPodAgentTest {
    private static final String ERROR_2013 = "ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial"
            + " communication packet'";
    private static MariaDbServer database;
    private final Pods pods = new Pods("tg-cliproxy-", new CommandRunner(Duration.ofSeconds(30)));

    @TempDir
    Path dir;
    private LocalMesh mesh;
    private SidecarAgent sidecar;
    private Pod pod;

    @BeforeAll
    static void startDatabase() throws Exception {
        assumeTrue(isRoot(), "skipped: needs root to create a network namespace and iptables rules");
        database = MariaDbServer.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startPodAndAgents() throws Exception {
        pods.removeLeftovers();
        mesh = new LocalMesh(dir, database);
        GatewayAgent gateway = mesh.startGateway();
        pod = pods.create(PodSpec.withHosts(Map.of()));
        sidecar = mesh.startSidecar(gateway, new SidecarInbound.InPod(
                new NamespacedListener(pod.namespaceFile(), pod.captureAddress(), 128), pod.sourceAddress()));
        pod.updateHosts(sidecar.hosts());
    }

    @AfterEach
    void stop() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
        pods.removeLeftovers();
    }

    @Test
    void theWalkThroughsCommandReachesTheDatabaseByName() throws Exception {
        assertThat(sidecar.captureAddress()).contains(pod.captureAddress());
        assertThat(sidecar.hosts()).containsKey(HostName.of(RDS.value()));
        assertThat(sidecar.listeners()).isEmpty();

        String output = mysqlInPod(RDS.value(), 3306);

        assertThat(output).isEqualTo("through the mesh\n");
        AccessLogEntry atGateway = awaitLog(mesh.gatewayLog, "the session", e -> e.bytesSent() > 0);
        assertThat(atGateway.sourcePrincipal()).contains("spiffe://cluster.local/ns/demo-server/sa/default");
    }

    @Test
    void anUnregisteredDestinationIsBlackHoled() throws Exception {
        String output = mysqlInPod("127.0.0.1", database.port());

        assertThat(output).contains(ERROR_2013);
        AccessLogEntry entry = awaitLog(mesh.sidecarLog, "the black hole", e -> e.responseFlag() == ResponseFlag.BH);
        assertThat(entry.destination()).contains("127.0.0.1:" + database.port());
        assertThat(entry.upstreamAddress()).isEmpty();
        assertThat(sidecar.metrics().count("istio.tcp.connections.closed", "response_flags", "BH")).isEqualTo(1);
        assertThat(mesh.gatewayLog).isEmpty();
    }

    private String mysqlInPod(String host, int port) throws Exception {
        Process process = pod.processBuilder(List.of("mysql", "--no-defaults", "--connect-timeout=10", "--host", host,
                        "--port", Integer.toString(port), "--user=root", "--batch", "--skip-column-names",
                        "-e", "select 'through the mesh'"))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mysql in the pod did not finish within 30 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
