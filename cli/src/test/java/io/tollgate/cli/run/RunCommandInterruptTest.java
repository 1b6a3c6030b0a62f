package io.tollgate.cli.run;

import io.tollgate.cli.local.GatewayWorkload;
import io.tollgate.cli.local.LocalMesh;
import io.tollgate.cli.local.LocalMeshSettings;
import io.tollgate.cli.local.StateDirectory;
import io.tollgate.cli.local.Superuser;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.pod.CommandRunner;
import io.tollgate.dataplane.pod.Pods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ctrl-C of {@code tollgate run}: SIGINT to a child JVM running a pod leaves no namespace, /etc/netns directory or
 * process behind. Root only.
 */
class RunCommandInterruptTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sigintRemovesThePodItsRulesAndItsProcesses() throws Exception {
        assumeTrue(Superuser.isRoot(), "skipped: tollgate run needs root (network namespaces, iptables); CI runs it as root");
        Path seed = Path.of("..", "examples", "seed").toAbsolutePath().normalize();
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (LocalMesh mesh = LocalMesh.start(new LocalMeshSettings(List.of(seed.resolve("02-service-entry.yaml"),
                seed.resolve("03-gateway.yaml")), Optional.of(seed.resolve("mesh-config.yaml")), state,
                new InetSocketAddress(loopback, 0), GatewayWorkload.ISTIO_DEFAULT, ListenerAddresses.ephemeral(loopback),
                Map.of(), AccessLog.discard()))) {
            Pods pods = new Pods(Pods.PREFIX, new CommandRunner(Duration.ofSeconds(30)));
            Set<String> before = new HashSet<>(pods.names());
            String java = ProcessHandle.current().info().command().orElseThrow();
            // `env --default-signal=INT`: a test run started in the background by a shell has SIGINT ignored, and a
            // JVM started so would never see the Ctrl-C this test sends; a terminal's foreground process would.
            Process run = new ProcessBuilder("env", "--default-signal=INT", java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "io.tollgate.cli.Main", "run", "--state-dir", state.root().toString(), "--namespace", "demo-server",
                    "--", "sleep", "300")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
            String pod = awaitNewPod(pods, before, run);
            long sleeper = run.descendants().filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
                    .map(ProcessHandle::pid).findFirst().orElse(-1L);

            new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();

            assertThat(run.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(Files.readString(dir.resolve("run.log"))).isTrue();
            assertThat(pods.names()).doesNotContain(pod);
            assertThat(Path.of("/etc/netns", pod)).doesNotExist();
            assertThat(Path.of("/run/netns", pod)).doesNotExist();
            if (sleeper > 0) {
                assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).as("sleep in the pod").isFalse();
            }
        }
        assertThat(state.meshFile()).doesNotExist();
        assertThat(state.tokenSocket()).doesNotExist();
    }

    private static String awaitNewPod(Pods pods, Set<String> before, Process run) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(run.isAlive()).as("tollgate run still running").isTrue();
            for (String name : pods.names()) {
                // Ready once the pod has its files and COMMAND (sleep) runs, which is after its sidecar started.
                if (!before.contains(name) && Files.exists(Path.of("/etc/netns", name, "nsswitch.conf"))
                        && run.descendants().anyMatch(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))) {
                    return name;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("no pod appeared within " + LIMIT);
    }
}
