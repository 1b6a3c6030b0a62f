package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code trafficPolicy.portLevelSettings[i]}: the policy for one destination port.
 *
 * @param port  {@code port.number}; empty only when the YAML is invalid (then the resource has an error)
 * @param other {@code outlierDetection}, accepted and not applied
 */
public record PortTrafficPolicy(OptionalInt port, Optional<LoadBalancerSettings> loadBalancer,
                                Optional<ConnectionPoolSettings> connectionPool, Optional<ClientTls> tls,
                                Map<String, Object> other, SourceLocation location) {
    public PortTrafficPolicy {
        other = Map.copyOf(other);
    }
}
