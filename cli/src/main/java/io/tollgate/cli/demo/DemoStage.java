package io.tollgate.cli.demo;

import io.tollgate.cli.local.LocalMesh;
import io.tollgate.cli.local.PodIdentity;
import io.tollgate.cli.local.PodSession;
import io.tollgate.cli.local.StateDirectory;
import io.tollgate.dataplane.observe.AccessLogEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the demo's steps act on: the running local mesh, the files it watches, the database, and pods started the
 * way {@code tollgate run} starts them (over the same token socket, with the same {@link PodSession}).
 */
final class DemoStage {
    static final String RDS_HOST = "rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com";
    /** The walk-through's command, word for word; the shell in the pod expands the password variable. */
    static final String WALK_THROUGH_MYSQL = "mysql --user=root --password=$MYSQL_ROOT_PASSWORD --host " + RDS_HOST;
    private static final Duration CONFIG_LIMIT = Duration.ofSeconds(20);
    private static final Duration CLIENT_LIMIT = Duration.ofSeconds(30);

    private final LocalMesh mesh;
    private final StateDirectory state;
    private final SeedFiles files;
    private final DemoDatabase database;
    private final StepReport report;
    /** Sidecar and gateway access-log entries of the client run in progress; appended on event loops. */
    private final List<AccessLogEntry> accessLog;

    DemoStage(LocalMesh mesh, StateDirectory state, SeedFiles files, DemoDatabase database, StepReport report,
              List<AccessLogEntry> accessLog) {
        this.accessLog = accessLog;
        this.mesh = mesh;
        this.state = state;
        this.files = files;
        this.database = database;
        this.report = report;
    }

    /** One line per access-log entry of the last client run: who decided what, and why. */
    void explain() {
        for (AccessLogEntry e : accessLog) {
            report.note("access log: " + e.sourceAddress() + " -> " + e.destination().orElse(e.localAddress())
                    + " flag " + e.responseFlag() + e.decision().map(d -> ", " + d).orElse("")
                    + e.policy().map(p -> " by " + p).orElse("") + ", " + e.termination());
        }
    }

    SeedFiles files() {
        return files;
    }

    DemoDatabase database() {
        return database;
    }

    LocalMesh mesh() {
        return mesh;
    }

    /** A file edit the control plane must pick up. */
    @FunctionalInterface
    interface Edit {
        void apply() throws IOException;
    }

    /**
     * Makes the edit, waits for the control plane to publish a new version and the gateway to apply it; returns
     * the version, or throws saying which of the two did not happen.
     */
    String change(String what, Edit edit) throws IOException, InterruptedException {
        String before = mesh.controlPlane().version();
        edit.apply();
        try (Progress progress = Progress.start(report.out(), "waiting for the gateway to apply: " + what)) {
            long deadline = System.nanoTime() + CONFIG_LIMIT.toNanos();
            String version = mesh.awaitNewVersion(before, CONFIG_LIMIT)
                    .orElseThrow(() -> new IOException("the control plane did not publish a new version within "
                            + CONFIG_LIMIT.toSeconds() + " s; are the files valid? (" + what + ")"));
            if (!mesh.awaitGateway(version, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                throw new IOException("the gateway did not apply version " + version + " within " + CONFIG_LIMIT.toSeconds() + " s");
            }
            report.note("config version " + before + " -> " + version + ", applied by the gateway");
            return version;
        }
    }

    /**
     * Runs {@code shellCommand} in a fresh pod of {@code who} with a terminal ({@code script}), the password in
     * {@code MYSQL_ROOT_PASSWORD} as the walk-through's Deployment has it, and {@code exit} typed at the prompt.
     */
    ClientRun inPod(PodIdentity who, String shellCommand) throws IOException, InterruptedException {
        accessLog.clear();
        try (PodSession session = PodSession.start(state, who, accessLog::add)) {
            ProcessBuilder builder = session.pod().processBuilder(List.of("script", "-qec", shellCommand, "/dev/null"))
                    .redirectErrorStream(true);
            builder.environment().putAll(Map.of("MYSQL_ROOT_PASSWORD", database.password(), "SHELL", "/bin/sh",
                    "TERM", "dumb"));
            try (Progress progress = Progress.start(report.out(), "running in pod " + session.pod().name() + " ("
                    + who.namespace() + "/" + who.serviceAccount() + ")")) {
                ClientRun ran = run(builder);
                explain();
                return ran;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception closeFailure) {
            throw new IOException("pod of " + who + " could not be removed: " + closeFailure.getMessage(), closeFailure);
        }
    }

    private static ClientRun run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
        try (OutputStream in = process.getOutputStream()) {
            in.write("exit\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException exitedAlready) {
            // The client ended before reading its input (a refused connection): its output says why.
        }
        if (!process.waitFor(CLIENT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            return ClientRun.of(-1, output.join() + "\n(killed after " + CLIENT_LIMIT.toSeconds() + " s)");
        }
        return ClientRun.of(process.exitValue(), output.join());
    }
}
