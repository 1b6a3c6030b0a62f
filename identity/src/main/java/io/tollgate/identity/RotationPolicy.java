package io.tollgate.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * When to renew and how to retry. A credential is renewed at {@code renewAtFraction} of its lifetime, shifted by
 * up to ± {@code jitterFraction} of the lifetime so that proxies started together do not renew together. A failed
 * renewal is retried after {@code initialBackoff}, doubling up to {@code maxBackoff}.
 */
public record RotationPolicy(double renewAtFraction, double jitterFraction, Duration initialBackoff, Duration maxBackoff) {
    /** Istio renews at half the lifetime (SECRET_GRACE_PERIOD_RATIO 0.5); the jitter and backoff are ours. */
    public static final RotationPolicy DEFAULT = new RotationPolicy(0.5, 0.05, Duration.ofSeconds(1), Duration.ofMinutes(5));

    public RotationPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (!(renewAtFraction > 0 && renewAtFraction < 1)) {
            throw new IllegalArgumentException("renewAtFraction must be between 0 and 1 exclusive, not " + renewAtFraction);
        }
        if (!(jitterFraction >= 0 && jitterFraction < Math.min(renewAtFraction, 1 - renewAtFraction))) {
            throw new IllegalArgumentException("jitterFraction must be at least 0 and keep the renewal inside the lifetime, not " + jitterFraction);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("backoff must be positive and initialBackoff <= maxBackoff, not " + initialBackoff + " / " + maxBackoff);
        }
    }

    /** The delay before retry number {@code failures} (1 for the first retry): initial * 2^(failures-1), capped. */
    Duration backoff(int failures) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
