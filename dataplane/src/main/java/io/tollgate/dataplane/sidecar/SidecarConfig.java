package io.tollgate.dataplane.sidecar;

import io.tollgate.policy.route.SidecarRoutes;

/**
 * One configuration of a sidecar, as the control plane sends it: the routes of its namespace and what to do with
 * everything else. Each connection reads the configuration once, when it is accepted.
 */
public record SidecarConfig(SidecarRoutes routes) {
    public SidecarConfig {
        if (routes == null) {
            throw new IllegalArgumentException("a sidecar configuration needs routes");
        }
    }
}
