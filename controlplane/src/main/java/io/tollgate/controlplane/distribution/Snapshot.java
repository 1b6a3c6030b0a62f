package io.tollgate.controlplane.distribution;

import java.util.List;
import java.util.Objects;

/**
 * What one proxy is told to run: the control plane's version label and the documents scoped to that proxy, in
 * canonical order (by source, then line), so the same content always arrives in the same order.
 */
public record Snapshot(String version, List<ConfigDocument> documents) {
    public Snapshot {
        Objects.requireNonNull(version, "version");
        documents = List.copyOf(documents);
    }
}
