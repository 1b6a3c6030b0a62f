package io.tollgate.bench.harness;

import java.nio.file.Path;

/**
 * The run's scratch directory (made and removed by {@code bench/run}): certificates in {@code pki/}, process logs,
 * generated configurations, MariaDB's data directory, and {@code pids}, the list the exit trap stops.
 */
record RunDirectory(Path path) {
    Path pidFile() {
        return path.resolve("pids");
    }

    Path pki() {
        return path.resolve("pki");
    }
}
