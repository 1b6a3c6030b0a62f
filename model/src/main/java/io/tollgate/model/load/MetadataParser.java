package io.tollgate.model.load;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.SourceLocation;

import java.util.Map;

/**
 * Reads {@code metadata}. Server-set fields ({@code uid}, {@code resourceVersion}, {@code managedFields}, ...) are
 * accepted and dropped, so that the output of {@code kubectl get -o yaml} loads. A missing namespace means
 * {@code default}, as kubectl would apply it; cluster-scoped kinds (Namespace) get an empty namespace.
 */
final class MetadataParser {
    private MetadataParser() {
    }

    /** Which kinds live in a namespace. */
    enum Scope { NAMESPACED, CLUSTER }

    static ObjectMeta parse(MappingReader document, Scope scope, SourceLocation documentStart) {
        if (!document.has("metadata")) {
            document.missing("metadata");
        }
        return document.object("metadata", m -> read(m, scope, documentStart))
                .orElseGet(() -> new ObjectMeta("", scope == Scope.CLUSTER ? "" : "default",
                        Map.of(), Map.of(), documentStart));
    }

    private static ObjectMeta read(MappingReader m, Scope scope, SourceLocation documentStart) {
        m.ignore("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink",
                "finalizers", "ownerReferences", "deletionTimestamp", "deletionGracePeriodSeconds");
        m.unsupported("generateName", "generateName is not supported: Tollgate needs a fixed metadata.name");
        String name = m.requiredString("name").orElse("");
        String namespace = m.string("namespace").filter(ns -> !ns.isEmpty()).orElse("default");
        if (scope == Scope.CLUSTER) {
            // The API server drops the namespace of a cluster-scoped object; so do we.
            namespace = "";
        }
        return new ObjectMeta(name, namespace, m.stringMap("labels"), m.stringMap("annotations"), documentStart);
    }
}
