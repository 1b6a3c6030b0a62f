package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Waits until something listens on a TCP port, by reading the kernel's socket tables rather than connecting: a
 * probe connection would count as a client for iperf3 (it would wait for a test cookie) and MariaDB (an aborted
 * connect).
 */
final class Listening {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    private Listening() {
    }

    static void await(ChildProcess process, int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isListening(port)) {
            if (!process.alive()) {
                throw new IOException(process.name() + " exited before listening on " + port + ": " + process.logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(process.name() + " not listening on " + port + " after " + timeout + ": " + process.logTail());
            }
            Thread.sleep(20); // polling interval of a bounded wait on another process, not a wait for a fixed time
        }
    }

    static boolean isListening(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        for (Path table : TABLES) {
            if (!Files.exists(table)) {
                continue;
            }
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
                    return true;
                }
            }
        }
        return false;
    }
}
