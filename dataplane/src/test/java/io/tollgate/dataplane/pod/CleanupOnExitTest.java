package io.tollgate.dataplane.pod;

import static io.tollgate.dataplane.pod.PodTesting.COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CleanupOnExitTest {
    private static final String PREFIX = "tg-exittest-";

    @AfterEach
    void removeOurPods() throws Exception {
        if (PodTesting.isRoot()) {
            new Pods(PREFIX, COMMANDS).removeLeftovers();
        }
    }

    @Test
    void closeRunsTheCleanupOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CleanupOnExit cleanup = CleanupOnExit.install("counter", runs::incrementAndGet);
        cleanup.close();
        cleanup.close();
        assertThat(runs).hasValue(1);
    }

    @Test
    void closeReportsWhatTheCleanupThrew() {
        CleanupOnExit cleanup = CleanupOnExit.install("failing", () -> {
            throw new IllegalStateException("namespace busy");
        });
        assertThatThrownBy(cleanup::close).hasMessage("namespace busy");
    }

    @Test
    void interruptingTheProcessLeavesNoPodBehind() throws Exception {
        PodTesting.assumeRootWithNamespaces();
        String java = ProcessHandle.current().info().command().orElseThrow();
        // A shell that starts a job in the background (nohup, `cmd &` in a script) starts it with SIGINT ignored,
        // and the JVM then installs no handler for it; the holder gets Ctrl-C's default disposition back, as a
        // process in a terminal's foreground has, however this test run was started.
        Process holder = new ProcessBuilder("env", "--default-signal=INT", java, "-cp", System.getProperty("java.class.path"),
                PodHolder.class.getName(), PREFIX).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).as("holder's first line").startsWith("ready ");
            String pod = ready.split(" ")[1];
            long command = Long.parseLong(ready.split(" ")[2]);
            PodTest.awaitUntil(() -> COMMANDS.run(List.of("ip", "netns", "pids", pod)).contains(String.valueOf(command)));

            COMMANDS.run(List.of("kill", "-INT", String.valueOf(holder.pid()))); // what Ctrl-C sends

            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).as("holder exited").isTrue();
            assertThat(Pods.namespaces(COMMANDS)).doesNotContain(pod);
            assertThat(Path.of("/etc/netns", pod)).doesNotExist();
            PodTest.awaitUntil(() -> ProcessHandle.of(command).map(p -> !p.isAlive()).orElse(true));
        } finally {
            holder.destroyForcibly();
        }
    }
}
