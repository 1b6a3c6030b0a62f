package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.Map;
import java.util.Optional;

/**
 * {@code trafficPolicy.loadBalancer}.
 *
 * @param other {@code consistentHash}, {@code localityLbSetting}, {@code warmup}, ... accepted and not applied
 */
public record LoadBalancerSettings(Optional<Simple> simple, Map<String, Object> other, SourceLocation location) {
    public LoadBalancerSettings {
        other = Map.copyOf(other);
    }

    public enum Simple { UNSPECIFIED, LEAST_CONN, RANDOM, PASSTHROUGH, ROUND_ROBIN, LEAST_REQUEST }
}
