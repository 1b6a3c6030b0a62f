package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The harness's entry point, started by {@code bench/run} (which installs tools, builds, makes the run directory
 * and the certificates). The only place in the harness that reads the command line. Exit codes: 0 every guard
 * passed, 1 a guard failed or the run broke, 2 bad arguments.
 */
public final class BenchMain {
    static final List<String> ALL_ARMS = List.of("direct", "haproxy", "tollgate", "tollgate-tls");
    /** Arms run only when asked for: {@code tollgate-base} needs {@code --base-repo}. */
    static final List<String> KNOWN_ARMS = List.of("direct", "haproxy", "tollgate", "tollgate-tls", "tollgate-base");
    private static final Set<String> VALUED = Set.of("--rounds", "--arms", "--trials", "--profile-dir", "--run-dir", "--out", "--repo", "--base-repo",
            "--java-home", "--class-path");
    private static final String USAGE = "usage: BenchMain [--quick] [--rounds N] [--arms direct,haproxy,tollgate,tollgate-tls,tollgate-base]"
            + " [--trials " + String.join(",", TrialFilter.KINDS) + "] [--profile-dir DIR] [--out FILE] [--base-repo DIR] --run-dir DIR --repo DIR --java-home DIR --class-path CP";

    private BenchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BenchOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Progress progress = new Progress(System.err);
        Resources resources = new Resources(progress);
        Thread stopper = new Thread(resources::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit;
        try {
            exit = new Bench(options, progress, resources).run();
        } catch (IOException | RuntimeException e) {
            progress.note("run failed: " + e);
            exit = 1;
        } finally {
            resources.close();
        }
        System.exit(exit);
    }

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--quick")) {
                quick = true;
            } else if (VALUED.contains(flag)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + ": needs a value");
                }
                values.put(flag, args[++i]);
            } else {
                throw new IllegalArgumentException(flag + ": unknown argument");
            }
        }
        Settings settings = quick ? Settings.quick() : Settings.full();
        if (values.containsKey("--rounds")) {
            settings = settings.withRounds(positive("--rounds", values.get("--rounds")));
        }
        List<String> arms = values.containsKey("--arms") ? Arrays.asList(values.get("--arms").split(",")) : ALL_ARMS;
        for (String arm : arms) {
            if (!KNOWN_ARMS.contains(arm)) {
                throw new IllegalArgumentException("--arms: unknown arm '" + arm + "' (known: " + String.join(", ", KNOWN_ARMS) + ")");
            }
        }
        TrialFilter trials = values.containsKey("--trials") ? TrialFilter.parse(values.get("--trials")) : TrialFilter.all();
        Optional<Path> profileDir = values.containsKey("--profile-dir")
                ? Optional.of(directory("--profile-dir", values)) : Optional.empty();
        RunDirectory dir = new RunDirectory(directory("--run-dir", values));
        if (!Files.isRegularFile(dir.pki().resolve("ca.crt"))) {
            throw new IllegalArgumentException("--run-dir: no pki/ca.crt in " + dir.path() + " (bench/lib/gen-certs.sh makes it)");
        }
        Path repository = directory("--repo", values);
        Optional<Path> baseRepository = values.containsKey("--base-repo")
                ? Optional.of(directory("--base-repo", values)) : Optional.empty();
        if (arms.contains("tollgate-base") && baseRepository.isEmpty()) {
            throw new IllegalArgumentException("--arms: tollgate-base needs --base-repo DIR (a checkout with cli/target built)");
        }
        Path javaHome = directory("--java-home", values);
        String classPath = required("--class-path", values);
        Path output = values.containsKey("--out") ? Path.of(values.get("--out"))
                : repository.resolve("bench/results").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        return new BenchOptions(quick ? BenchOptions.Mode.QUICK : BenchOptions.Mode.FULL, settings, List.copyOf(arms),
                trials, dir, output, repository, baseRepository, new Tools(javaHome, classPath, profileDir));
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the same message as a non-positive number.
        }
        throw new IllegalArgumentException(flag + ": '" + value + "' is not a positive whole number");
    }

    private static Path directory(String flag, Map<String, String> values) {
        Path path = Path.of(required(flag, values));
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(flag + ": '" + path + "' is not a directory");
        }
        return path.toAbsolutePath();
    }

    private static String required(String flag, Map<String, String> values) {
        String value = values.get(flag);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + ": required");
        }
        return value;
    }
}
