package io.tollgate.cli.proxy.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code mysql} command-line client and collects what it prints. */
public final class MysqlClient {
    private MysqlClient() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** {@code mysql --no-defaults ARGS...}, stdin closed, killed after two minutes. */
    public static Result run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mysql", "--no-defaults"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("mysql did not finish within two minutes: " + command);
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    /** Connects over TCP to {@code port} on 127.0.0.1 as root and runs {@code sql}. */
    public static Result query(int port, String sql, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--protocol=TCP", "-h127.0.0.1", "-P" + port, "-uroot",
                "--connect-timeout=30", "--batch", "--skip-column-names"));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("-e", sql));
        return run(arguments);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
