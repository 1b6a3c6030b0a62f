package io.tollgate.cli.proxy;

import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.MariaDbServer;
import io.tollgate.dataplane.testing.MysqlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.tollgate.cli.proxy.LocalMesh.RDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tollgate gateway} and {@code tollgate sidecar} as operators run them: separate processes in the
 * foreground that print where they listen, carry the walk-through's {@code mysql} command, and stop cleanly on
 * SIGTERM (draining, then saying so).
 */
class ProxyProcessesTest {
    private static MariaDbServer database;

    @TempDir
    Path dir;
    private LocalMesh mesh;
    private final List<Running> processes = new ArrayList<>();

    /** A child process and every line it printed so far (stdout and stderr together). */
    record Running(Process process, List<String> lines) {
        boolean printed(String fragment) {
            return lines.stream().anyMatch(line -> line.contains(fragment));
        }
    }

    @BeforeAll
    static void startDatabase() throws Exception {
        database = MariaDbServer.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    @AfterEach
    void stop() throws Exception {
        for (Running running : processes) {
            running.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (mesh != null) {
            mesh.close();
        }
    }

    @ParameterizedTest(name = "tunnels {0}")
    @ValueSource(booleans = {true, false})
    void theGatewayAndSidecarCommandsCarryTheWalkThroughAndStopOnSigterm(boolean tunnels) throws Exception {
        mesh = new LocalMesh(dir, database);
        String controlPlane = "127.0.0.1:" + mesh.controlPlane.address().getPort();
        InetAddress gatewayAddress = ProxyAgentsTest.freshLoopback();
        InetAddress serviceAddress = ProxyAgentsTest.freshLoopback();
        Path hostsFile = dir.resolve("hosts");

        Running gateway = start("gateway", "--control-plane", controlPlane,
                "--token", mesh.token("istio-system", "istio-egressgateway-service-account"),
                "--namespace", "istio-system", "--service-account", "istio-egressgateway-service-account",
                "--label", "istio=egressgateway", "--resolve", RDS + "=127.0.0.1",
                "--listen-address", gatewayAddress.getHostAddress(), tunnels ? "--tunnels" : "--no-tunnels");
        String gatewayListens = "listening server port 13306 on " + gatewayAddress.getHostAddress() + ":13306";
        Await.until("the gateway to print where it listens", () -> gateway.printed(gatewayListens) || !gateway.process().isAlive());
        assertThat(gateway.lines()).as("gateway output").anyMatch(line -> line.contains(gatewayListens));
        assertThat(gateway.lines()).anyMatch(line -> line.matches("admin http://127\\.0\\.0\\.1:\\d+/metrics"));

        Running sidecar = start("sidecar", "--control-plane", controlPlane,
                "--token-file", Files.writeString(dir.resolve("token"), mesh.token("demo-server", "default")).toString(),
                "--namespace", "demo-server", "--service-account", "default", "--label", "name=lbl-k8s-mysql",
                "--bind", RDS + "=" + serviceAddress.getHostAddress(), "--hosts-file", hostsFile.toString(),
                "--mesh-service", LocalMesh.GATEWAY_SERVICE + ":13306=" + gatewayAddress.getHostAddress() + ":13306",
                "--access-log", dir.resolve("sidecar-access.log").toString(), tunnels ? "--tunnels" : "--no-tunnels");
        String outbound = "outbound " + RDS + ":3306 -> " + serviceAddress.getHostAddress() + ":3306";
        Await.until("the sidecar to print its listener", () -> sidecar.lines().contains(outbound) || !sidecar.process().isAlive());
        assertThat(sidecar.lines()).as("sidecar output").contains(outbound);
        assertThat(Files.readString(hostsFile)).contains(serviceAddress.getHostAddress()).contains(RDS.value());

        MysqlClient.Result ran = MysqlClient.query(3306, "select 'through the mesh'", "-h" + serviceAddress.getHostAddress());

        assertThat(ran.stderr()).isEmpty();
        assertThat(ran.stdout()).isEqualTo("through the mesh\n");
        Await.until("the gateway's access log line on stdout", () -> gateway.printed("\"spiffe://cluster.local/ns/demo-server/sa/default\""));
        Await.until("the sidecar's access log file", () -> Files.exists(dir.resolve("sidecar-access.log"))
                && readQuietly(dir.resolve("sidecar-access.log")).contains(RDS + ":3306"));

        for (Running running : List.of(sidecar, gateway)) {
            // kill(1) rather than Process.destroy, which would also close our end of its output.
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(running.process().pid())).start().waitFor()).isZero();
            assertThat(running.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            Await.until("the output to end", () -> running.printed(": stopped"));
            assertThat(running.process().exitValue()).isEqualTo(143);
        }
    }

    private Running start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.tollgate.cli.Main"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException ended) {
                lines.add("(output ended: " + ended.getMessage() + ")");
            }
        });
        Running running = new Running(process, lines);
        processes.add(running);
        return running;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
