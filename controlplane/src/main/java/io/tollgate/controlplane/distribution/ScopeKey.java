package io.tollgate.controlplane.distribution;

import java.util.Map;

/**
 * The proxy attributes that decide what it may see. Proxies with equal keys (the replicas of one workload, say)
 * get the same scoped documents, so the distributor scopes once per key and version, not once per proxy.
 */
public record ScopeKey(ProxyKind kind, String namespace, String serviceAccount, Map<String, String> labels) {
    public ScopeKey {
        labels = Map.copyOf(labels);
    }
}
