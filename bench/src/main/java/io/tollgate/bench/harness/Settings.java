package io.tollgate.bench.harness;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each trial runs. {@link #quick()} exists to prove the harness and the guards work in a few
 * minutes (CI); {@link #full()} is sized for ratios worth reading on a shared 2-core machine.
 *
 * <p>Ping-pong measures {@code latencyMessages} per arm, rate and round at every rate, so a p99 stands on as many
 * messages at 1,000 msg/s as at 4,000 (at a fixed duration the slower rate had a quarter of them, and its per-round
 * p99 ratios spread the widest of any figure).
 */
record Settings(int rounds, Duration warmup, Duration bulkTime, Duration greetingTime, int greetingWorkers,
                List<Integer> latencyRates, int latencyConnections, Duration latencyWarmup, long latencyMessages,
                int latencySlices, Duration sysbenchTime, List<Integer> sysbenchThreads, int sysbenchTables,
                int sysbenchTableSize, int idleConnections, int idleSteps, long integrityBytes, int jitSettlePasses) {
    Settings {
        if (rounds < 1 || idleSteps < 1 || idleConnections < idleSteps) {
            throw new IllegalArgumentException("rounds >= 1 and idle connections >= idle steps >= 1");
        }
        if (latencyRates.stream().anyMatch(rate -> rate < 1) || latencyMessages < latencySlices) {
            throw new IllegalArgumentException("latency rates >= 1 message/s, and at least one measured message per slice");
        }
    }

    /** How long ping-pong at {@code rate} messages a second measures per arm and round: {@code latencyMessages}. */
    Duration latencyMeasure(int rate) {
        return Duration.ofNanos(latencyMessages * 1_000_000_000L / rate);
    }

    static Settings quick() {
        return new Settings(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 4,
                List.of(500), 4, Duration.ofMillis(200), 500, 2,
                Duration.ofSeconds(1), List.of(1, 8), 1, 1_000,
                200, 2, 16L << 20, 1);
    }

    static Settings full() {
        return new Settings(5, Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5), 4,
                List.of(1_000, 4_000), 8, Duration.ofMillis(250), 32_000, 8,
                Duration.ofSeconds(10), List.of(1, 8), 4, 10_000,
                8_000, 4, 256L << 20, 8);
    }

    Settings withRounds(int rounds) {
        return new Settings(rounds, warmup, bulkTime, greetingTime, greetingWorkers, latencyRates, latencyConnections,
                latencyWarmup, latencyMessages, latencySlices, sysbenchTime, sysbenchThreads, sysbenchTables, sysbenchTableSize,
                idleConnections, idleSteps, integrityBytes, jitSettlePasses);
    }
}
