package io.tollgate.controlplane.distribution;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; tests wait with this, never with a fixed sleep. */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition, () -> "");
    }

    /** @param state describes the current state when the deadline passes */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        until(what, DEFAULT, condition, state);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; " + state.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
