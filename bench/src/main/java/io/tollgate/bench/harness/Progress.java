package io.tollgate.bench.harness;

import java.io.PrintStream;
import java.time.Duration;

/** Progress lines on stderr, each stamped with the seconds since the run began, so stdout holds only the table. */
final class Progress {
    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void note(String line) {
        out.printf("[%6.1fs] %s%n", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0, line);
        out.flush();
    }
}
