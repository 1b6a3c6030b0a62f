package io.tollgate.policy.authz;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The workload a policy protects: the proxy's namespace and its pod labels (for the egress gateway of the seed,
 * {@code istio-system} and {@code istio=egressgateway}).
 */
public record Workload(String namespace, Map<String, String> labels) {
    /** The label Istio reads to know a workload is a Gateway API gateway, attached to by {@code targetRefs}. */
    public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    public Workload {
        Objects.requireNonNull(namespace, "namespace");
        labels = Map.copyOf(labels);
    }

    @Override
    public String toString() {
        return labels.isEmpty() ? namespace : namespace + " " + new TreeMap<>(labels);
    }
}
