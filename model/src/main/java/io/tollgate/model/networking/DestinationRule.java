package io.tollgate.model.networking;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;
import io.tollgate.model.security.WorkloadSelector;

import java.util.List;
import java.util.Optional;

/**
 * {@code networking.istio.io} DestinationRule: how clients connect to {@code host} once routing chose it; for
 * Tollgate, chiefly the TLS origination (ISTIO_MUTUAL to the egress gateway, with an SNI) of a subset or port.
 */
public record DestinationRule(ObjectMeta meta, String host, Optional<TrafficPolicy> trafficPolicy,
                              List<Subset> subsets, List<String> exportTo,
                              Optional<WorkloadSelector> workloadSelector) implements Resource {
    public DestinationRule {
        subsets = List.copyOf(subsets);
        exportTo = List.copyOf(exportTo);
    }

    @Override
    public String kind() {
        return "DestinationRule";
    }
}
