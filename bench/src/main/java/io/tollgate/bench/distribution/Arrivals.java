package io.tollgate.bench.distribution;

import io.tollgate.controlplane.client.SnapshotConsumer;
import io.tollgate.controlplane.client.Verdict;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Counts, per version, the proxies that applied it; the benchmark waits until all of them have. */
final class Arrivals {
    private final int proxies;
    private final ConcurrentMap<String, CountDownLatch> byVersion = new ConcurrentHashMap<>();

    Arrivals(int proxies) {
        this.proxies = proxies;
    }

    /** A consumer that accepts everything (the proxy's compile step is not what is measured) and counts it. */
    SnapshotConsumer consumer() {
        return snapshot -> {
            latch(snapshot.version()).countDown();
            return Verdict.accept();
        };
    }

    /** Waits until every proxy applied {@code version}; returns the nanoTime when the last one did. */
    long awaitAll(String version, Duration timeout) throws InterruptedException {
        if (!latch(version).await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("only " + (proxies - latch(version).getCount()) + " of " + proxies
                    + " proxies applied " + version + " within " + timeout);
        }
        return System.nanoTime();
    }

    private CountDownLatch latch(String version) {
        return byVersion.computeIfAbsent(version, v -> new CountDownLatch(proxies));
    }
}
