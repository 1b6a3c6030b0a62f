package io.tollgate.identity;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the CA's workload certificates live: {@code defaultTtl} when the caller does not ask, never more than
 * {@code maxTtl}. A request above the maximum is refused, not shortened: a caller that asked for 30 days and
 * silently got 1 would schedule its renewal wrongly.
 */
public record IssuancePolicy(Duration defaultTtl, Duration maxTtl) {
    /** Istio's defaults: 24 hours (DEFAULT_WORKLOAD_CERT_TTL), at most 90 days (MAX_WORKLOAD_CERT_TTL). */
    public static final IssuancePolicy ISTIO_DEFAULTS = new IssuancePolicy(Duration.ofHours(24), Duration.ofDays(90));

    public IssuancePolicy {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (defaultTtl.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("default certificate lifetime " + defaultTtl + " is under a minute");
        }
        if (defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("default certificate lifetime " + defaultTtl + " exceeds the maximum " + maxTtl);
        }
    }

    /** The lifetime to issue for a request that asked for {@code requested} (empty: the default). */
    public Duration lifetimeFor(Optional<Duration> requested) throws IssuanceException {
        if (requested.isEmpty()) {
            return defaultTtl;
        }
        Duration ttl = requested.get();
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IssuanceException("requested lifetime " + ttl + " must be positive");
        }
        if (ttl.compareTo(maxTtl) > 0) {
            throw new IssuanceException("requested lifetime " + ttl + " exceeds the CA's maximum of " + maxTtl);
        }
        return ttl;
    }
}
