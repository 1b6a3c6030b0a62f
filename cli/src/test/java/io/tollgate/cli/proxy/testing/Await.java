package io.tollgate.cli.proxy.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; tests never sleep a fixed time. */
public final class Await {
    private static final long POLL_NANOS = 5_000_000;

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(20), condition);
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for: " + what);
            }
            // The poll interval between checks; the condition, not a fixed delay, ends the wait.
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** One poll interval, for loops that check something themselves. */
    public static void pause() {
        LockSupport.parkNanos(POLL_NANOS);
    }
}
