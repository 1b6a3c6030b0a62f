package io.tollgate.policy.scope;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A proxy as it introduces itself to the control plane: its kind, the namespace of its workload and the workload's
 * labels (for the seed's egress gateway, {@code istio-system} and {@code istio=egressgateway}).
 */
public record Proxy(ProxyKind kind, String namespace, Map<String, String> labels) {
    public Proxy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("a proxy's namespace must not be empty");
        }
        labels = Map.copyOf(labels);
    }

    public static Proxy sidecar(String namespace, Map<String, String> labels) {
        return new Proxy(ProxyKind.SIDECAR, namespace, labels);
    }

    public static Proxy gateway(String namespace, Map<String, String> labels) {
        return new Proxy(ProxyKind.GATEWAY, namespace, labels);
    }

    /** True when every label of {@code selector} is on this proxy's workload (an empty selector selects all). */
    public boolean hasLabels(Map<String, String> selector) {
        return labels.entrySet().containsAll(selector.entrySet());
    }

    /** {@code sidecar demo-server {app=x}}, labels sorted. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + namespace
                + (labels.isEmpty() ? "" : " " + new TreeMap<>(labels));
    }
}
