package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trafficPolicy} of a DestinationRule or subset. Port-level settings override the policy for their port.
 *
 * @param other the fields Tollgate accepts but does not apply ({@code outlierDetection}, {@code tunnel},
 *              {@code proxyProtocol}, {@code retryBudget}), as plain values by field name
 */
public record TrafficPolicy(Optional<LoadBalancerSettings> loadBalancer,
                            Optional<ConnectionPoolSettings> connectionPool, Optional<ClientTls> tls,
                            List<PortTrafficPolicy> portLevelSettings, Map<String, Object> other,
                            SourceLocation location) {
    public TrafficPolicy {
        portLevelSettings = List.copyOf(portLevelSettings);
        other = Map.copyOf(other);
    }
}
