package io.tollgate.cli.demo;

import io.tollgate.cli.local.GatewayWorkload;
import io.tollgate.cli.local.LocalMesh;
import io.tollgate.cli.local.LocalMeshException;
import io.tollgate.cli.local.LocalMeshSettings;
import io.tollgate.cli.local.StateDirectory;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.pod.CleanupOnExit;
import io.tollgate.dataplane.pod.Pods;
import io.tollgate.policy.route.Hostname;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One run of the demo: MariaDB, the seed's files in a temporary directory, a local mesh over them (the same code as
 * {@code tollgate up}), the six steps, and the teardown, which the last step checks. Everything it starts is stopped
 * on every path, on Ctrl-C too.
 */
final class Demo {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path seed;
    private final Optional<Path> stateDir;

    Demo(PrintWriter out, PrintWriter err, Path seed, Optional<Path> stateDir) {
        this.out = out;
        this.err = err;
        this.seed = seed;
        this.stateDir = stateDir;
    }

    int run() {
        long started = System.nanoTime();
        Path work;
        DemoDatabase database;
        try {
            MariaDbInstall.ensure(true, out);
            work = Files.createTempDirectory("tollgate-demo-");
            out.println("Starting MariaDB as the walk-through's RDS instance ...");
            out.flush();
            database = DemoDatabase.start("demo-" + UUID.randomUUID().toString().substring(0, 8));
        } catch (IOException e) {
            err.println("tollgate demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        StepReport report = new StepReport(out, DemoSteps.COUNT);
        try (CleanupOnExit stopDatabase = CleanupOnExit.install("demo database", database::close)) {
            SeedFiles files = SeedFiles.copy(seed, work);
            StateDirectory state = new StateDirectory(stateDir.orElse(work.resolve("state")));
            out.println("  mariadbd on " + database.address().getAddress().getHostAddress() + ":" + database.port()
                    + ", root's password in $MYSQL_ROOT_PASSWORD inside the pods");
            out.println("  " + DemoStage.RDS_HOST + " -> " + database.address().getAddress().getHostAddress() + " at the gateway only (--resolve); never real DNS");
            out.println("  mesh files: " + files.resources() + " (the seed's 00..05), " + files.meshConfig());
            new Pods().removeLeftovers();
            List<AccessLogEntry> accessLog = new CopyOnWriteArrayList<>();
            LocalMesh mesh = LocalMesh.start(settings(files, state, database, accessLog::add));
            try (CleanupOnExit stopMesh = CleanupOnExit.install("demo mesh", mesh::close)) {
                out.println("  control plane " + mesh.state().controlPlane() + ", gateway " + String.join(", ", mesh.state().meshServices()));
                DemoStage stage = new DemoStage(mesh, state, files, database, report, accessLog);
                new DemoSteps(stage, report, new DecisionPreview(mesh.controlPlane().trustDomain())).run();
            }
            stopDatabase.close();
            checkNothingLeft(report);
            deleteTree(work);
        } catch (LocalMeshException e) {
            e.reasons().forEach(reason -> report.failed("the mesh did not start: " + reason));
        } catch (Exception e) {
            report.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        report.finish();
        long seconds = java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds();
        out.println(report.allPassed() ? "All " + DemoSteps.COUNT + " steps passed in " + seconds + " s."
                : "Some steps FAILED (" + seconds + " s).");
        out.flush();
        return report.allPassed() ? 0 : 1;
    }

    private static LocalMeshSettings settings(SeedFiles files, StateDirectory state, DemoDatabase database, AccessLog log) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new LocalMeshSettings(List.of(files.resources()), Optional.of(files.meshConfig()), state,
                new InetSocketAddress(loopback, 0), GatewayWorkload.ISTIO_DEFAULT, ListenerAddresses.ephemeral(loopback),
                Map.of(Hostname.of(DemoStage.RDS_HOST), List.of(database.address().getAddress())), log);
    }

    /** The last step's end: the mesh and the database are stopped, so no pod, rule or process may remain. */
    private static void checkNothingLeft(StepReport report) throws IOException {
        List<String> left = new Pods().names();
        report.command("ip netns list | grep " + Pods.PREFIX);
        report.check(new StepReport.Check("no pods (network namespaces), iptables rules or sidecars left",
                left.isEmpty() ? "none left" : "left behind: " + String.join(", ", left), left.isEmpty()));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
