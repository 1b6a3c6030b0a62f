package io.tollgate.controlplane.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who a proxy says it is, in the first message of its stream. The namespace and service account must match the
 * SPIFFE identity of its client certificate; the server checks that, so this record is a claim, not a proof.
 *
 * <p>It arrives from the network, so the constructor never throws: it normalises absent collections and
 * {@link #problems()} lists what is wrong.
 */
public record ProxyNode(String id, ProxyKind kind, String namespace, String serviceAccount, Map<String, String> labels) {
    public ProxyNode {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** Everything wrong with this claim, each as {@code field: problem}; empty when well formed. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add("node.id: must not be empty");
        }
        if (kind == null) {
            problems.add("node.kind: must be SIDECAR or GATEWAY");
        }
        if (namespace == null || namespace.isBlank()) {
            problems.add("node.namespace: must not be empty");
        }
        if (serviceAccount == null || serviceAccount.isBlank()) {
            problems.add("node.serviceAccount: must not be empty");
        }
        labels.forEach((key, value) -> {
            if (value == null) {
                problems.add("node.labels." + key + ": must have a value");
            }
        });
        return problems;
    }

    /** The part of the node a {@link ProxyScope} may depend on: everything but the id. */
    public ScopeKey scopeKey() {
        return new ScopeKey(kind, namespace, serviceAccount, labels);
    }
}
