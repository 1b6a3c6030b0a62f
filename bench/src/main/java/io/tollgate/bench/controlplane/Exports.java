package io.tollgate.bench.controlplane;

/**
 * How the generated ServiceEntries are exported, the one setting that decides how much each sidecar receives.
 */
enum Exports {
    /** Istio's default ({@code exportTo} absent, i.e. {@code *}): every sidecar sees all 10,000 ServiceEntries. */
    MESH_WIDE("mesh-wide (Istio default exportTo *)"),
    /**
     * {@code exportTo: ["."]}, what operators do at scale (Istio's {@code defaultServiceExportTo}); a database routed
     * through an egress gateway is exported to the gateway's namespace too, or the gateway could not route to it.
     */
    NAMESPACE_LOCAL("namespace-local (exportTo [\".\"])");

    final String description;

    Exports(String description) {
        this.description = description;
    }
}
