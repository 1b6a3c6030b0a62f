package io.tollgate.cli.demo;

import io.tollgate.cli.local.Superuser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tollgate demo}: the seed walk-through, reproduced on this machine with real pods, a real MariaDB and the
 * real {@code mysql} client. Exit 0 only when every step passed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce the seed walk-through on this machine, every step checked (as root).",
                "MariaDB as the RDS instance, the seed's YAML as the mesh, the walk-through's mysql command in pods. Exit 0 when every step passed."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "DIR",
            description = "The seed directory (the repository's examples/seed). Default: found beside the tollgate jar.")
    Path seed;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The demo mesh's state directory. Default: a fresh temporary directory.")
    Path stateDir;

    @Option(names = "--verbose", description = "Show the mesh's own log lines (control plane, gateway, sidecars) on stderr.")
    boolean verbose;

    @Override
    public Integer call() {
        if (!verbose) {
            // Read by slf4j-simple when the first logger is made, which is after this point in a CLI run.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Superuser.isRoot()) {
            err.println("tollgate demo: needs root: it creates network namespaces (pods) with iptables rules and may install"
                    + " MariaDB; run it as root (e.g. sudo ./tollgate demo)");
            return 1;
        }
        Optional<Path> seedDir = seed != null ? Optional.of(seed) : locateSeed();
        if (seedDir.isEmpty()) {
            err.println("tollgate demo: cannot find the seed directory beside the tollgate jar; pass --seed DIR"
                    + " (the repository's examples/seed)");
            return 2;
        }
        return new Demo(out, err, seedDir.get(), Optional.ofNullable(stateDir)).run();
    }

    /** The repository's examples/seed, found from where this class was loaded (cli/target/*.jar or classes). */
    private static Optional<Path> locateSeed() {
        try {
            Path location = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = location; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("examples").resolve("seed");
                if (Files.isRegularFile(candidate.resolve(SeedFiles.POLICY_FILE))) {
                    return Optional.of(candidate);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
