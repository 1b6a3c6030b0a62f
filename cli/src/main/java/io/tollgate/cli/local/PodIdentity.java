package io.tollgate.cli.local;

import java.util.Map;
import java.util.Objects;

/**
 * Who a workload is in the mesh: its namespace, its service account (the SPIFFE identity the gateway's policies
 * see) and its labels.
 */
public record PodIdentity(String namespace, String serviceAccount, Map<String, String> labels) {
    public static final String DEFAULT_SERVICE_ACCOUNT = "default";

    public PodIdentity {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        labels = Map.copyOf(labels);
    }

    @Override
    public String toString() {
        return namespace + "/" + serviceAccount;
    }
}
