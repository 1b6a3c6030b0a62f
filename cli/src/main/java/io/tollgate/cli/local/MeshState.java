package io.tollgate.cli.local;

import java.util.List;
import java.util.Objects;

/**
 * What {@code tollgate up} publishes in {@code mesh.json} for {@code tollgate run}: where the control plane
 * listens, the root certificate's fingerprint a new proxy pins, the mesh services pods route to (the egress
 * gateway's service and where it listens, in {@code MeshService.parse} form), and the pid of the process that
 * owns it all, so stale state left by a killed {@code up} is recognised.
 *
 * @param controlPlane    {@code HOST:PORT} of the control plane's TLS port
 * @param rootFingerprint {@code sha256:...} of the mesh's root certificate
 * @param meshServices    e.g. {@code istio-egressgateway.istio-system.svc.cluster.local:13306=127.0.0.1:40123}
 * @param pid             the {@code tollgate up} (or {@code tollgate demo}) process
 */
public record MeshState(String controlPlane, String rootFingerprint, List<String> meshServices, long pid) {
    public MeshState {
        Objects.requireNonNull(controlPlane, "controlPlane");
        Objects.requireNonNull(rootFingerprint, "rootFingerprint");
        meshServices = List.copyOf(meshServices);
    }

    /** True while the owning process runs; a dead pid means the mesh is gone and the file is stale. */
    public boolean ownerAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
