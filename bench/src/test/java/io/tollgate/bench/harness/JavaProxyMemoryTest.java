package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java half of the memory trial, which no arm exercises until Tollgate's is wired: a JVM started with Native
 * Memory Tracking stands in as the "proxy" (the echo server, connections end there), and the trial must split its
 * per-connection cost into heap and native through jcmd.
 */
class JavaProxyMemoryTest {
    @TempDir
    Path temp;

    @Test
    void aJavaProxyGetsAHeapAndNativeSplit() throws Exception {
        RunDirectory dir = new RunDirectory(temp);
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path javaHome = java.getParent().getParent();
        int port = Ports.free();
        try (ChildProcess proxy = ChildProcess.start("java-proxy", List.of(java.toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:NativeMemoryTracking=summary",
                "-cp", System.getProperty("java.class.path"), "io.tollgate.bench.load.EchoServer", Integer.toString(port)), dir)) {
            Listening.await(proxy, port, Duration.ofSeconds(30));
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            ArmState.Running arm = new ArmState.Running(new Endpoints(address, address, address, Optional.empty(),
                    Optional.empty()), List.of(proxy), List.of());
            Recorder recorder = new Recorder(new Progress(System.err));

            new IdleMemoryTrial(300, 3, javaHome, dir).run(new TrialScope(1, "java", arm, recorder));

            assertThat(recorder.failedGuards()).isEmpty();
            assertThat(recorder.samples()).extracting(Sample::metric).containsExactly("idle.rss", "idle.heap", "idle.native");
        }
    }
}
