package io.tollgate.dataplane.pod;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared by the tests that need root and real network namespaces. */
public final class PodTesting {
    public static final CommandRunner COMMANDS = new CommandRunner(Duration.ofSeconds(30));

    private PodTesting() {
    }

    /** Skips the calling test, saying why, unless we are root on Linux with iproute2 and iptables. */
    public static void assumeRootWithNamespaces() {
        assumeTrue(isRoot(), "skipped: needs root (uid 0) to create network namespaces and iptables rules; CI runs as root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "skipped: needs iproute2's `ip`");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/iptables-restore")) || Files.isExecutable(Path.of("/sbin/iptables-restore")),
                "skipped: needs iptables");
    }

    /** Whether we run with effective uid 0. */
    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0")); // the effective uid
        } catch (IOException e) {
            return false;
        }
    }

    /** Output and exit status of a command run to completion. */
    public record Ran(int exitStatus, String output) {
    }

    /** Runs {@code command} inside the pod, stdout and stderr together, killing it if it outlives the deadline. */
    public static Ran runIn(Pod pod, String... command) throws Exception {
        return run(pod.processBuilder(List.of(command)));
    }

    public static Ran run(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("`" + String.join(" ", builder.command()) + "` did not finish within 20 s");
        }
        return new Ran(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
