package io.tollgate.cli.up;

import io.tollgate.cli.Main;
import io.tollgate.cli.local.StateDirectory;
import io.tollgate.cli.local.Superuser;
import io.tollgate.dataplane.pod.Pods;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.MariaDbServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code tollgate up} and {@code tollgate run} as separate processes, as a user types them: the seed's files, the
 * policy edited while {@code up} runs (DENY for {@code demo-frontend}, then for {@code demo-server}), and SIGTERM
 * to {@code up} leaving nothing behind. Real pods, iptables, MariaDB and {@code mysql}. Root only.
 */
class UpAndRunProcessesTest {
    private static final Path SEED = Path.of("..", "examples", "seed").toAbsolutePath().normalize();
    private static final String RDS = "rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com";
    private static final String POLICY_FILE = "06-authorization-policy.yaml";
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern POD_UP = Pattern.compile("pod (tg-[0-9]+) \\(");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children) {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aPolicyEditedWhileUpRunsTurnsTheNextRunAwayAndSigtermLeavesNothing() throws Exception {
        assumeTrue(Superuser.isRoot(), "skipped: pods need root (network namespaces, iptables); CI runs it as root");
        Path resources = Files.createDirectories(dir.resolve("resources"));
        for (String name : List.of("02-service-entry.yaml", "03-gateway.yaml", "04-destination-rule.yaml",
                "05-virtual-service.yaml", POLICY_FILE)) {
            Files.copy(SEED.resolve(name), resources.resolve(name));
        }
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        InetAddress gatewayAddress = ownLoopbackAddress();
        try (MariaDbServer database = MariaDbServer.startOnOwnAddress()) {
            Process up = start("up.log", "up", "-f", resources.toString(), "--mesh-config", SEED.resolve("mesh-config.yaml").toString(),
                    "--state-dir", state.root().toString(), "--listen", "127.0.0.1:0",
                    "--gateway-listen-address", gatewayAddress.getHostAddress(),
                    "--resolve", RDS + "=" + database.address().getAddress().getHostAddress());
            Await.until("tollgate up to write mesh.json and print its banner", LIMIT,
                    () -> !up.isAlive() || Files.exists(state.meshFile()) && log("up.log").contains("Ctrl-C stops the mesh."));
            assertThat(up.isAlive()).as(log("up.log")).isTrue();
            String before = status(state).controlPlane();

            Run allowed = run(state, "allowed.log");
            assertThat(allowed.exitStatus()).as(allowed.output()).isZero();
            assertThat(allowed.output()).contains(database.address().getAddress().getHostAddress());

            editPolicy(resources, "demo-frontend", "demo-server");
            Await.until("the gateway to acknowledge the edited policy (tollgate status)", LIMIT, () -> {
                Status now = status(state);
                return !now.controlPlane().equals(before) && now.gatewayAcked().equals(now.controlPlane());
            });

            Run denied = run(state, "denied.log");
            assertThat(denied.exitStatus()).as(denied.output()).isNotZero();
            assertThat(denied.output()).contains("ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial communication packet'");
            // up is another process: its gateway's access log (JSON lines on its output) is what shows the decision.
            Await.until("the gateway's access log line naming the policy", () -> log("up.log")
                    .contains("\"authz_decision\":\"deny\",\"authz_policy\":\"istio-system/egress-rds-by-namespace\""));

            List<ProcessHandle> descendants = up.descendants().toList();
            new ProcessBuilder("kill", "-TERM", Long.toString(up.pid())).start().waitFor();

            assertThat(up.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(log("up.log")).isTrue();
            assertThat(descendants).noneMatch(ProcessHandle::isAlive);
            assertThat(state.meshFile()).doesNotExist();
            assertThat(state.tokenSocket()).doesNotExist();
            for (String pod : List.of(allowed.pod(), denied.pod())) {
                assertThat(new Pods().names()).doesNotContain(pod);
                assertThat(Path.of("/etc/netns", pod)).doesNotExist();
            }
            assertThat(connects(new InetSocketAddress(gatewayAddress, 13306))).as("gateway still listening").isFalse();
            StringWriter err = new StringWriter();
            assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "status", "--state-dir",
                    state.root().toString())).as("status after up stopped").isEqualTo(2);
        }
    }

    /** What one {@code tollgate run} printed, its exit status, and the pod it ran in. */
    private record Run(int exitStatus, String output, String pod) {
    }

    private Run run(StateDirectory state, String logName) throws Exception {
        Process run = start(logName, "run", "--verbose", "--state-dir", state.root().toString(), "--namespace", "demo-server",
                "--", "mysql", "--no-defaults", "--user=root", "--host", RDS, "--connect-timeout=10", "--batch",
                "--skip-column-names", "-e", "select @@bind_address");
        assertThat(run.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(log(logName)).isTrue();
        String output = log(logName);
        Matcher pod = POD_UP.matcher(output);
        assertThat(pod.find()).as(output).isTrue();
        return new Run(run.exitValue(), output, pod.group(1));
    }

    /** A child JVM running {@code tollgate ARGS}, on this test's class path, its output in {@code logName}. */
    private Process start(String logName, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "io.tollgate.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve(logName).toFile()).start();
        children.add(process);
        return process;
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The control plane's version and what the gateway acknowledged, from {@code tollgate status --state-dir}. */
    private record Status(String controlPlane, String gatewayAcked) {
    }

    private static Status status(StateDirectory state) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "status", "--state-dir", state.root().toString());
        assertThat(exit).as(err.toString()).isZero();
        String version = out.toString().lines().filter(l -> l.startsWith("CONTROL PLANE")).findFirst().orElseThrow()
                .split("\\s+")[2];
        String acked = out.toString().lines().filter(l -> l.contains(" GATEWAY ")).findFirst()
                .map(l -> l.split("\\s+")[3]).orElse("-");
        return new Status(version, acked);
    }

    /** Rewrites the policy file in one step (a rename), so the watcher never reads half a file. */
    private void editPolicy(Path resources, String from, String to) throws IOException {
        Path file = resources.resolve(POLICY_FILE);
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(yaml).contains("- " + from);
        Path temporary = dir.resolve(POLICY_FILE + ".tmp");
        Files.writeString(temporary, yaml.replace("- " + from, "- " + to), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean connects(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** 127.79.x.y: the gateway's server ports on their own numbers without taking 127.0.0.1's. */
    private static InetAddress ownLoopbackAddress() throws IOException {
        SplittableRandom random = new SplittableRandom();
        return InetAddress.getByAddress(new byte[] {127, 79, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255)});
    }
}
