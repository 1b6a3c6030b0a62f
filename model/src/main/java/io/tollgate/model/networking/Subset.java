package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.Map;
import java.util.Optional;

/** {@code DestinationRule.spec.subsets[i]}: a named group of the host's endpoints, with its own traffic policy. */
public record Subset(String name, Map<String, String> labels, Optional<TrafficPolicy> trafficPolicy,
                     SourceLocation location) {
    public Subset {
        labels = Map.copyOf(labels);
    }
}
