package io.tollgate.cli.proxy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MariaDB server for a test: a fresh datadir in a temp directory, {@code mariadbd} on a free loopback port,
 * user {@code root} with no password. {@link #close} stops it and deletes the datadir.
 */
public final class MariaDbServer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private final Path dataDir;
    private final Process process;
    private final int port;

    private MariaDbServer(Path dataDir, Process process, int port) {
        this.dataDir = dataDir;
        this.process = process;
        this.port = port;
    }

    public static MariaDbServer start() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("tollgate-mariadb-");
        run(List.of("mariadb-install-db", "--no-defaults", "--user=root", "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db"), dataDir.resolve("install.log"));
        int port = freePort();
        Process process = new ProcessBuilder("mariadbd", "--no-defaults", "--user=root", "--datadir=" + dataDir,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("s.sock"), "--skip-log-bin",
                "--skip-name-resolve")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("mariadbd.log").toFile()).start();
        MariaDbServer server = new MariaDbServer(dataDir, process, port);
        try {
            server.awaitGreeting();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
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
        throw new IOException("mariadbd did not greet on port " + port + " within " + START_LIMIT);
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
