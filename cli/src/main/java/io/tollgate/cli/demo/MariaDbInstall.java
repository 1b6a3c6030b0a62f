package io.tollgate.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the MariaDB server and client are installed: the demo needs {@code mariadb-install-db},
 * {@code mariadbd} and {@code mysql}. When one is missing and we are root on Debian, {@code apt-get} installs them;
 * otherwise the demo stops with the command to run.
 */
final class MariaDbInstall {
    static final List<String> PACKAGES = List.of("mariadb-server", "mariadb-client");
    private static final List<String> PROGRAMS = List.of("mariadb-install-db", "mariadbd", "mysql", "script");
    private static final List<Path> SEARCH = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/usr/local/sbin"),
            Path.of("/usr/local/bin"), Path.of("/sbin"), Path.of("/bin"));

    private MariaDbInstall() {
    }

    /** The programs not found on this machine. */
    static List<String> missing() {
        return PROGRAMS.stream().filter(program -> find(program).isEmpty()).toList();
    }

    static Optional<Path> find(String program) {
        return SEARCH.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Installs what is missing, printing progress to {@code out}.
     *
     * @throws IOException with the command the user should run, when we may not or cannot install
     */
    static void ensure(boolean superuser, PrintWriter out) throws IOException, InterruptedException {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String advice = "install them with: sudo apt-get install -y " + String.join(" ", PACKAGES) + " util-linux";
        if (!superuser) {
            throw new IOException("the demo needs " + String.join(", ", missing) + " and only root may install them; " + advice);
        }
        if (find("apt-get").isEmpty()) {
            throw new IOException("the demo needs " + String.join(", ", missing) + " and this is not a Debian-like system"
                    + " (no apt-get); install MariaDB's server and client with your package manager");
        }
        out.println("Installing MariaDB (" + String.join(", ", missing) + " missing): apt-get install -y "
                + String.join(" ", PACKAGES) + " ...");
        out.flush();
        aptGet(List.of("apt-get", "update"));
        aptGet(concat(List.of("apt-get", "install", "-y", "--no-install-recommends"), PACKAGES));
        List<String> still = missing();
        if (!still.isEmpty()) {
            throw new IOException("apt-get finished but " + String.join(", ", still) + " are still missing; " + advice);
        }
    }

    private static void aptGet(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tollgate-apt-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("DEBIAN_FRONTEND", "noninteractive"));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit status " + process.exitValue() + "; see " + log);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
