package io.tollgate.dataplane.pod;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs the administrative commands a pod needs ({@code ip}, {@code iptables-restore}), each to completion, with
 * its output captured so that a failure can be reported with the command line and what the command said.
 *
 * @param timeout how long one command may run before it is killed and reported as failed
 */
public record CommandRunner(Duration timeout) {
    public CommandRunner {
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The exit status and the combined stdout/stderr of a finished command. */
    public record Result(int exitStatus, String output) {
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }

    /** Runs the command and returns its output; throws {@link CommandFailedException} when it exits non-zero. */
    public String run(List<String> command) throws IOException {
        return check(command, attempt(command, ""));
    }

    /** As {@link #run(List)}, writing {@code stdin} to the command's standard input. */
    public String run(List<String> command, String stdin) throws IOException {
        return check(command, attempt(command, stdin));
    }

    /** Runs the command and returns how it ended, for callers that expect and handle some failures. */
    public Result attempt(List<String> command, String stdin) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Output is drained on its own thread so a chatty command cannot block on a full pipe while we wait.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The command may exit without reading its input; its exit status tells what happened.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CommandFailedException(command, "did not finish within " + timeout.toSeconds() + " s and was killed");
            }
            return new Result(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running `" + commandLine(command) + "`");
        } catch (ExecutionException | TimeoutException e) {
            throw new CommandFailedException(command, "finished but its output could not be collected: " + e);
        }
    }

    private static String check(List<String> command, Result result) throws CommandFailedException {
        if (!result.succeeded()) {
            throw new CommandFailedException(command, result.exitStatus(), result.output());
        }
        return result.output();
    }

    /** The command as a person would type it, arguments with spaces quoted. */
    static String commandLine(List<String> command) {
        return command.stream()
                .map(arg -> arg.isEmpty() || arg.chars().anyMatch(c -> c == ' ' || c == '\'' || c == '"')
                        ? "'" + arg.replace("'", "'\\''") + "'" : arg)
                .collect(Collectors.joining(" "));
    }
}
