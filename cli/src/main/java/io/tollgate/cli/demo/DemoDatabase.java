package io.tollgate.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo's stand-in for the RDS instance: a MariaDB server of its own (fresh datadir in a temp directory,
 * {@code mariadbd} on a free port of 127.0.0.1) whose {@code root} has a password, as the walk-through's database
 * has. {@link #close} stops it and deletes the datadir.
 */
final class DemoDatabase implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private final Path dataDir;
    private final Process process;
    private final InetSocketAddress address;
    private final String password;

    private DemoDatabase(Path dataDir, Process process, InetSocketAddress address, String password) {
        this.dataDir = dataDir;
        this.process = process;
        this.address = address;
        this.password = password;
    }

    static DemoDatabase start(String password) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("tollgate-demo-mariadb-");
        run(List.of(program("mariadb-install-db"), "--no-defaults", "--user=root", "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db"), dataDir.resolve("install.log"));
        InetSocketAddress address = freeAddress();
        Process process = new ProcessBuilder(program("mariadbd"), "--no-defaults", "--user=root", "--datadir=" + dataDir,
                "--port=" + address.getPort(), "--bind-address=" + address.getAddress().getHostAddress(), "--socket=" + dataDir.resolve("s.sock"), "--skip-log-bin",
                "--skip-name-resolve")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("mariadbd.log").toFile()).start();
        DemoDatabase database = new DemoDatabase(dataDir, process, address, password);
        try {
            database.awaitGreeting();
            database.setRootPassword();
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    InetSocketAddress address() {
        return address;
    }

    int port() {
        return address.getPort();
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Over the server's own Unix socket, never through the mesh: every root account gets the password. */
    private void setRootPassword() throws IOException, InterruptedException {
        String quoted = "'" + password.replace("\\", "\\\\").replace("'", "\\'") + "'";
        // The gateway connects from 127.0.0.1, a loopback address of another /8 host part than the server's.
        String sql = "ALTER USER 'root'@'localhost' IDENTIFIED BY " + quoted + ", 'root'@'127.0.0.1' IDENTIFIED BY "
                + quoted + ", 'root'@'::1' IDENTIFIED BY " + quoted + "; CREATE USER 'root'@'127.%' IDENTIFIED BY " + quoted
                + "; GRANT ALL ON *.* TO 'root'@'127.%' WITH GRANT OPTION";
        run(List.of(program("mysql"), "--no-defaults", "--socket=" + dataDir.resolve("s.sock"), "--user=root", "-e", sql),
                dataDir.resolve("password.log"));
    }

    /** Ready when a TCP connection receives the server's greeting packet (protocol version 10). */
    private void awaitGreeting() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd exited with " + process.exitValue() + ":\n"
                        + Files.readString(dataDir.resolve("mariadbd.log"), StandardCharsets.UTF_8));
            }
            try (Socket socket = new Socket()) {
                socket.connect(address(), 1000);
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                byte[] header = in.readNBytes(5);
                if (header.length == 5 && (header[4] & 0xFF) == 10) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: poll again. The process's exit is checked above.
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new IOException("mariadbd did not greet on " + address + " within " + START_LIMIT.toSeconds() + " s");
    }

    private static String program(String name) throws IOException {
        return MariaDbInstall.find(name).map(Path::toString).orElseThrow(() -> new IOException(name + " is not installed"));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command.getFirst() + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /**
     * Port 3306, the walk-through's, on a loopback address of its own (127.77.x.y): the VirtualService sends to the
     * database host's port 3306 and {@code --resolve} changes only the address. Falls back to a free port of
     * 127.0.0.1 only if no such address has 3306 free.
     */
    private static InetSocketAddress freeAddress() throws IOException {
        java.util.random.RandomGenerator random = new java.util.SplittableRandom();
        for (int attempt = 0; attempt < 20; attempt++) {
            InetAddress candidate = InetAddress.getByAddress(new byte[] {127, 77, (byte) random.nextInt(1, 255),
                    (byte) random.nextInt(1, 255)});
            try (ServerSocket socket = new ServerSocket(3306, 1, candidate)) {
                return new InetSocketAddress(candidate, socket.getLocalPort());
            } catch (IOException taken) {
                // Someone else has 3306 on this address: another one.
            }
        }
        throw new IOException("no loopback address 127.77.x.y has port 3306 free");
    }
}
