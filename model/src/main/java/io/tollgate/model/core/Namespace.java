package io.tollgate.model.core;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;

/**
 * A Kubernetes Namespace, read for its labels ({@code istio-injection: enabled} and the like). Namespaces are
 * cluster-scoped, so {@code meta().namespace()} is empty.
 */
public record Namespace(ObjectMeta meta) implements Resource {
    @Override
    public String kind() {
        return "Namespace";
    }

    public String name() {
        return meta.name();
    }
}
