package io.tollgate.controlplane.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before the next reconnect attempt: exponential, capped, with jitter taken off the top so that proxies
 * cut off together do not return together, and the cap is never exceeded.
 *
 * @param initial    delay after the first failure
 * @param max        the cap
 * @param multiplier growth per consecutive failure, at least 1
 * @param jitter     fraction in [0, 1) by which a delay may be shortened at random
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("backoff multiplier must be >= 1, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), was " + jitter);
        }
    }

    /** The delay after {@code failures} consecutive failures (1 for the first). */
    public Duration delay(int failures, RandomGenerator random) {
        double grown = initial.toNanos() * Math.pow(multiplier, Math.max(0, failures - 1));
        double capped = Math.min(grown, max.toNanos());
        return Duration.ofNanos((long) (capped * (1.0 - jitter * random.nextDouble())));
    }
}
