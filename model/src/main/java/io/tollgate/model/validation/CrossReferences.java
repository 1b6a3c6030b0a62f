package io.tollgate.model.validation;

import io.tollgate.model.Resource;
import io.tollgate.model.mesh.MeshConfig;

import java.util.List;
import java.util.function.Function;

/**
 * Checks that need every loaded resource at once. Duplicates (same kind, namespace and name) are errors, as the API
 * server would refuse the second. Dangling references are warnings, as in {@code istioctl analyze}: Istio admits
 * them one resource at a time. What each check looks up, and the checks themselves, are in
 * {@link CrossReferenceIndex}, which a loader that keeps a set between changes updates instead of rebuilding.
 */
public final class CrossReferences {
    private CrossReferences() {
    }

    /** @param findingsOf the findings of each resource, so that diagnostics land at the right line */
    public static void check(List<Resource> resources, MeshConfig mesh, Function<Resource, Findings> findingsOf) {
        CrossReferenceIndex index = CrossReferenceIndex.of(resources);
        for (Resource r : resources) {
            index.check(r, mesh, findingsOf);
        }
    }
}
