package io.tollgate.dataplane.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MariaDB server for a test: a fresh datadir in a temp directory, {@code mariadbd} on a free loopback port
 * (or on port 3306 of a loopback address of its own), user {@code root} with no password. {@link #close} stops it
 * and deletes the datadir.
 */
public final class MariaDbServer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private final Path dataDir;
    private final Process process;
    private final InetSocketAddress address;

    private MariaDbServer(Path dataDir, Process process, InetSocketAddress address) {
        this.dataDir = dataDir;
        this.process = process;
        this.address = address;
    }

    /** On a free port of 127.0.0.1. */
    public static MariaDbServer start() throws IOException, InterruptedException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort()));
    }

    /**
     * On port 3306 of a loopback address of its own (127.78.x.y), as a database host's real address would be: a
     * route's destination port is the ServiceEntry's 3306, and a fixed answer for the host (--resolve) changes only
     * the address, so several databases need several addresses. Root connects from any 127.x address.
     */
    public static MariaDbServer startOnOwnAddress() throws IOException, InterruptedException {
        MariaDbServer server = start(ownAddress());
        try {
            server.sql("CREATE USER 'root'@'127.%'; GRANT ALL ON *.* TO 'root'@'127.%' WITH GRANT OPTION");
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static MariaDbServer start(InetSocketAddress address) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("tollgate-mariadb-");
        run(List.of("mariadb-install-db", "--no-defaults", "--user=root", "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db"), dataDir.resolve("install.log"));
        Process process = new ProcessBuilder("mariadbd", "--no-defaults", "--user=root", "--datadir=" + dataDir,
                "--port=" + address.getPort(), "--bind-address=" + address.getAddress().getHostAddress(),
                "--socket=" + dataDir.resolve("s.sock"), "--skip-log-bin", "--skip-name-resolve")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("mariadbd.log").toFile()).start();
        MariaDbServer server = new MariaDbServer(dataDir, process, address);
        try {
            server.awaitGreeting();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Runs SQL as root over the server's own socket (not through any proxy) and returns stdout. */
    public String sql(String statements) throws IOException, InterruptedException {
        MysqlClient.Result result = MysqlClient.run(List.of("--socket=" + dataDir.resolve("s.sock"), "-uroot",
                "--batch", "--skip-column-names", "-e", statements));
        if (result.exitCode() != 0) {
            throw new IOException("SQL failed: " + result.stderr());
        }
        return result.stdout();
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

    /** Ready when a TCP connection receives the server's greeting packet (protocol version 10). */
    private void awaitGreeting() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd exited with " + process.exitValue() + "; see " + dataDir.resolve("mariadbd.log")
                        + ":\n" + Files.readString(dataDir.resolve("mariadbd.log")));
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
                Await.pause();
            }
        }
        throw new IOException("mariadbd did not greet on " + address + " within " + START_LIMIT);
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static InetSocketAddress ownAddress() throws IOException {
        SplittableRandom random = new SplittableRandom();
        for (int attempt = 0; attempt < 20; attempt++) {
            InetAddress candidate = InetAddress.getByAddress(new byte[] {127, 78, (byte) random.nextInt(1, 255),
                    (byte) random.nextInt(1, 255)});
            try (ServerSocket probe = new ServerSocket(3306, 1, candidate)) {
                return new InetSocketAddress(candidate, probe.getLocalPort());
            } catch (IOException taken) {
                // Another server has 3306 on this address: try another address.
            }
        }
        throw new IOException("no loopback address 127.78.x.y has port 3306 free");
    }
}
