package io.tollgate.model.security;

import java.util.Map;

/** {@code selector.matchLabels}: the policy applies to workloads whose labels contain all of these. */
public record WorkloadSelector(Map<String, String> matchLabels) {
    public WorkloadSelector {
        matchLabels = Map.copyOf(matchLabels);
    }

    public boolean selects(Map<String, String> workloadLabels) {
        return workloadLabels.entrySet().containsAll(matchLabels.entrySet());
    }
}
