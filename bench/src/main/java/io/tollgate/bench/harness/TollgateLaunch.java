package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code tollgate} commands as the CLI's {@code Main} on the run's JDK, with the built CLI jar and its
 * libraries, and waits for what they print. Proxies get the JVM options below; helpers only the defaults.
 */
record TollgateLaunch(Tools tools, String classPath, RunDirectory dir) {
    /**
     * JVM options of a measured proxy. Serial GC: one event-loop thread has no use for a concurrent collector's
     * threads, which would only add CPU and memory; Native Memory Tracking for the heap/native split; heap and
     * compiled code on transparent huge pages, as the {@code tollgate} launcher runs a gateway or a sidecar (a JVM
     * whose kernel offers none warns once and goes on with small pages).
     */
    static final List<String> PROXY_JVM = List.of("-XX:+UseSerialGC", "-Xmx512m", "-XX:NativeMemoryTracking=summary",
            "-XX:+UseTransparentHugePages");
    private static final List<String> COMMON_JVM = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    /** The CLI's jar ({@code tollgate.jar}) and libraries under {@code repository/cli/target} ({@code bench/run} builds them). */
    static String classPath(Path repository) throws IOException {
        Path target = repository.resolve("cli/target");
        Path jar = target.resolve("tollgate.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw new IOException("no " + jar + " with lib/ beside it; build: mvn -pl cli -am package -DskipTests");
        }
        return jar + ":" + target.resolve("lib") + "/*";
    }

    ChildProcess proxy(String name, List<String> arguments) throws IOException {
        List<String> jvm = new ArrayList<>(PROXY_JVM);
        jvm.addAll(tools.profiling(name));
        return start(name, jvm, arguments);
    }

    ChildProcess helper(String name, List<String> arguments) throws IOException {
        return start(name, List.of("-XX:+UseSerialGC", "-Xmx256m"), arguments);
    }

    private ChildProcess start(String name, List<String> jvm, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(tools.java()));
        command.addAll(COMMON_JVM);
        command.addAll(jvm);
        command.addAll(List.of("-cp", classPath, "io.tollgate.cli.Main"));
        command.addAll(arguments);
        return ChildProcess.start(name, command, dir);
    }

    /** Waits until {@code process} has printed a line containing {@code fragment}. */
    static void awaitOutput(ChildProcess process, String fragment, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!process.output().contains(fragment)) {
            check(process, "to print '" + fragment + "'", limit, deadline);
        }
    }

    /** Waits until {@code process} has written {@code file}, and returns its first line. */
    static String awaitFile(ChildProcess process, Path file, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(file) || Files.readString(file, StandardCharsets.UTF_8).isBlank()) {
            check(process, "to write " + file, limit, deadline);
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static void check(ChildProcess process, String what, Duration limit, long deadline)
            throws IOException, InterruptedException {
        if (!process.alive()) {
            throw new IOException(process.name() + " exited before " + what.substring(3) + ": " + process.logTail());
        }
        if (System.nanoTime() > deadline) {
            throw new IOException(process.name() + " did not manage " + what + " within " + limit + ": " + process.logTail());
        }
        Thread.sleep(20); // polling interval of a bounded wait on another process, not a wait for a fixed time
    }
}
