package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process the harness started. Its output goes to {@code NAME.log} in the run's directory (replaced when a
 * process of the same name starts again), and its pid is appended to the run's pid file before anything else
 * happens (pid and start time), so {@code bench/run}'s exit trap can stop it even if this JVM is killed outright. Closing sends
 * SIGTERM, waits, then SIGKILL.
 */
final class ChildProcess implements AutoCloseable {
    private static final int TAIL_LINES = 15;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, RunDirectory dir) throws IOException {
        Path log = dir.path().resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        // "PID STARTTIME": a process that is already gone needs no stopping, so it is not listed.
        Optional<String> started = ProcFs.startTime(process.pid());
        if (started.isPresent()) {
            Files.writeString(dir.pidFile(), process.pid() + " " + started.get() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return new ChildProcess(name, process, log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to exit by itself (a one-shot tool); returns its exit code, or -1 after the timeout. */
    int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        if (process.waitFor(timeout, unit)) {
            return process.exitValue();
        }
        close();
        return -1;
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n  ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
