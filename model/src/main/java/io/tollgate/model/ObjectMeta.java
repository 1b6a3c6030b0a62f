package io.tollgate.model;

import java.util.Map;

/**
 * The Kubernetes metadata Tollgate reads: name, namespace ({@code default} when the YAML omits it, as kubectl
 * does), labels and annotations, and where the document starts.
 */
public record ObjectMeta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations,
                         SourceLocation location) {
    public ObjectMeta {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /** {@code namespace/name}, the way Istio names a resource in logs and decisions. */
    public String qualifiedName() {
        return namespace + "/" + name;
    }
}
