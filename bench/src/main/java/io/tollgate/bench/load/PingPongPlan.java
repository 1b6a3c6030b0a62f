package io.tollgate.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * An open-loop ping-pong trial: {@code ratePerSecond} 64-byte messages per second spread round-robin over
 * {@code connections}, sent on a fixed schedule whatever the replies do. Messages scheduled in the first
 * {@code warmup} are sent and checked but not recorded.
 */
public record PingPongPlan(InetSocketAddress target, int connections, int ratePerSecond, Duration warmup,
                           Duration measure) {
    public PingPongPlan {
        if (connections < 1 || ratePerSecond < 1) {
            throw new IllegalArgumentException("connections and rate must be positive: " + connections + ", " + ratePerSecond);
        }
        if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException("warmup must be >= 0 and measure > 0: " + warmup + ", " + measure);
        }
    }

    long intervalNanos() {
        return 1_000_000_000L / ratePerSecond;
    }

    long messages() {
        return (warmup.toNanos() + measure.toNanos()) / intervalNanos();
    }

    long warmupMessages() {
        return warmup.toNanos() / intervalNanos();
    }
}
