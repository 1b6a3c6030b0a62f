package io.tollgate.bench.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * When a port starts listening, seen from outside the control plane: {@code /proc/net/tcp} and {@code tcp6} are read every 5
 * milliseconds until it lists the port in state LISTEN. No connection is made, so the server sees no probe.
 */
final class ListenWatch {
    /** IPv4 sockets, and IPv6 ones (the JDK and Netty bind 127.0.0.1 on a dual-stack socket, listed there). */
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private final Thread thread;
    private volatile long listeningAt;

    private ListenWatch(int port) {
        String local = ":%04X ".formatted(port).toUpperCase(Locale.ROOT);
        this.thread = Thread.ofPlatform().daemon(true).name("bench-listen-watch").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (listening(local)) {
                    listeningAt = System.nanoTime();
                    return;
                }
                LockSupport.parkNanos(5_000_000);
            }
        });
    }

    static ListenWatch start(int port) {
        return new ListenWatch(port);
    }

    /** System.nanoTime when the port was first seen listening, or 0 if it was not (yet). */
    long listeningAt() {
        return listeningAt;
    }

    void stop() {
        thread.interrupt();
    }

    private static boolean listening(String local) {
        for (Path table : TABLES) {
            try {
                for (String line : Files.readAllLines(table)) {
                    // "  0: 0100007F:1F90 00000000:0000 0A ..." — local address, remote address, state 0A = LISTEN
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].endsWith(local.trim()) && fields[3].equals("0A")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // no such table (IPv6 off): the other one tells
            }
        }
        return false;
    }
}
