package io.tollgate.controlplane.mesh;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a control plane is started with.
 *
 * @param resources  files and directories of Istio resources, watched for changes
 * @param meshConfig the MeshConfig file, watched too; Istio's defaults when absent
 * @param stateDir   the CA, the join-token key, the replay record and the admin credentials live here (root-only)
 * @param listen     where proxies reach certificate signing and distribution (one TLS port)
 */
public record ControlPlaneSettings(List<Path> resources, Optional<Path> meshConfig, Path stateDir, InetSocketAddress listen) {
    public ControlPlaneSettings {
        resources = List.copyOf(resources);
        Objects.requireNonNull(meshConfig, "meshConfig");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(listen, "listen");
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("at least one resource file or directory is needed");
        }
    }
}
