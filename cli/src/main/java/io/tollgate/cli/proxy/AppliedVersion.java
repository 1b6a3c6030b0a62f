package io.tollgate.cli.proxy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The configuration version a proxy runs, and the first verdict it gave: written by the configuration stream's
 * thread, read and awaited by anyone (the agent's {@code start}, tests, {@code tollgate up}).
 */
final class AppliedVersion {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private String version = "";
    private Optional<String> firstRefusal = Optional.empty();
    private boolean decided;

    void accepted(String newVersion) {
        lock.lock();
        try {
            version = newVersion;
            decided = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A refusal matters for start only when nothing was ever applied: later ones leave the running version. */
    void refused(String reason) {
        lock.lock();
        try {
            if (!decided) {
                firstRefusal = Optional.of(reason);
                decided = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The version last accepted; empty before the first. */
    String current() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the first verdict: empty once a version is applied, the reason if the first snapshot was refused.
     *
     * @throws TimeoutException if neither came within {@code limit}
     */
    Optional<String> awaitFirst(Duration limit) throws TimeoutException, InterruptedException {
        lock.lock();
        try {
            long nanos = limit.toNanos();
            while (!decided) {
                if (nanos <= 0) {
                    throw new TimeoutException("no configuration within " + limit);
                }
                nanos = changed.awaitNanos(nanos);
            }
            return version.isEmpty() ? firstRefusal : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@code wanted} is the applied version, false if it is not by the deadline. */
    boolean await(String wanted, Duration limit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = limit.toNanos();
            while (!version.equals(wanted)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
