package io.tollgate.bench.controlplane;

import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.controlplane.status.ProxyStatus;
import io.tollgate.controlplane.status.StatusReport;
import io.tollgate.controlplane.status.SyncState;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting, by polling with a deadline (half a millisecond between looks: fine enough for 200 ms figures, and it
 * leaves the two cores to the proxies and the control plane).
 */
final class Arrivals {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final long POLL_NANOS = 500_000;

    /** When the last of {@code proxies} received and applied {@code version} (System.nanoTime of each). */
    record Moments(long lastReceived, long lastApplied) {
    }

    private Arrivals() {
    }

    static Moments await(List<CompilingProxy> proxies, String version) {
        until("every proxy to apply " + version, () -> proxies.stream().allMatch(p -> applied(p, version)
                || !p.refusal().isEmpty()));
        proxies.stream().filter(p -> !p.refusal().isEmpty()).findFirst().ifPresent(p -> {
            throw new IllegalStateException(p.node().id() + " refused its snapshot: " + p.refusal());
        });
        long received = 0;
        long applied = 0;
        for (CompilingProxy proxy : proxies) {
            CompilingProxy.Applied last = proxy.last().orElseThrow();
            received = Math.max(received, last.receivedAt());
            applied = Math.max(applied, last.appliedAt());
        }
        return new Moments(received, applied);
    }

    /** Returns the moment the control plane's version in force differs from {@code before}. */
    static long awaitNewVersion(ControlPlane controlPlane, String before) {
        until("a version after " + before, () -> !controlPlane.version().equals(before));
        return System.nanoTime();
    }

    /** Waits until {@code count} proxies are connected and every one acknowledged what it was last sent. */
    static void awaitAcknowledged(ControlPlane controlPlane, int count) {
        until(count + " proxies to acknowledge", () -> {
            StatusReport status = controlPlane.status();
            return status.proxies().size() == count && status.proxies().stream().map(ProxyStatus::sync)
                    .allMatch(s -> s == SyncState.SYNCED);
        });
    }

    private static boolean applied(CompilingProxy proxy, String version) {
        return proxy.last().map(a -> a.snapshot().version().equals(version)).orElse(false);
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + TIMEOUT);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
