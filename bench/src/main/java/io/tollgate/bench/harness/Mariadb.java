package io.tollgate.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away MariaDB for the run: a fresh data directory in the run directory, a free port on 127.0.0.1, and a
 * password user for sysbench (proxied connections arrive from 127.0.0.1 over TCP, never over the socket).
 */
final class Mariadb implements AutoCloseable {
    static final String USER = "bench";
    static final String PASSWORD = "bench";
    static final String DATABASE = "sbtest";

    private final ChildProcess server;
    private final int port;

    private Mariadb(ChildProcess server, int port) {
        this.server = server;
        this.port = port;
    }

    static Mariadb start(RunDirectory dir) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.path().resolve("mariadb"));
        ChildProcess install = ChildProcess.start("mariadb-install-db", List.of("mariadb-install-db", "--no-defaults",
                "--user=root", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"), dir);
        if (install.awaitExit(120, TimeUnit.SECONDS) != 0) {
            throw new IOException("mariadb-install-db failed: " + install.logTail());
        }
        int port = Ports.free();
        Path socket = data.resolve("s.sock");
        // Connection-rate trials close right after the greeting: MariaDB counts each as an aborted connect, so
        // lift max-connect-errors (else it blocks 127.0.0.1) and keep warnings out of the error log.
        ChildProcess server = ChildProcess.start("mariadbd", List.of("mariadbd", "--no-defaults", "--user=root",
                "--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket,
                "--skip-log-bin", "--skip-name-resolve", "--performance-schema=OFF", "--log-warnings=0",
                "--max-connections=2000", "--max-connect-errors=4294967295", "--thread-cache-size=256",
                "--back-log=2000", "--innodb-buffer-pool-size=256M", "--innodb-flush-log-at-trx-commit=2"), dir);
        Mariadb mariadb = new Mariadb(server, port);
        try {
            Listening.await(server, port, Duration.ofSeconds(60));
            ChildProcess setup = ChildProcess.start("mariadb-setup", List.of("mysql", "--no-defaults", "--user=root",
                    "--socket=" + socket, "--execute=CREATE DATABASE " + DATABASE + "; CREATE USER " + USER
                            + "@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'; GRANT ALL ON " + DATABASE + ".* TO "
                            + USER + "@'127.0.0.1';"), dir);
            if (setup.awaitExit(60, TimeUnit.SECONDS) != 0) {
                throw new IOException("creating the sysbench user failed: " + setup.logTail());
            }
            return mariadb;
        } catch (IOException | InterruptedException | RuntimeException e) {
            mariadb.close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    ChildProcess process() {
        return server;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }

    @Override
    public String toString() {
        return "mariadbd on " + port;
    }
}
