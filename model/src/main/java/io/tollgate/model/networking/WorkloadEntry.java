package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.Map;
import java.util.Optional;

/**
 * {@code ServiceEntry.spec.endpoints[i]}: one address behind the service.
 *
 * @param address an IP, a DNS name (DNS resolution) or {@code unix://path}; empty only with a network
 * @param ports   port name (as in {@code spec.ports[].name}) to the endpoint's port number for it
 * @param weight  0 when unset (Istio then weighs every endpoint equally)
 */
public record WorkloadEntry(String address, Map<String, Integer> ports, Map<String, String> labels,
                            Optional<String> network, Optional<String> locality, long weight,
                            Optional<String> serviceAccount, SourceLocation location) {
    public WorkloadEntry {
        ports = Map.copyOf(ports);
        labels = Map.copyOf(labels);
    }
}
