package io.tollgate.cli.proxy;

import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.dataplane.sidecar.SidecarConfig;
import io.tollgate.model.ResourceSet;
import io.tollgate.policy.compile.MeshServices;
import io.tollgate.policy.compile.SidecarCompilation;
import io.tollgate.policy.compile.SidecarRouteCompiler;
import io.tollgate.policy.scope.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Turns a snapshot into a sidecar configuration: the routes of what its namespace can see, towards the mesh
 * services it was told of. What the compiler left out or refused is logged once per version, naming the resource
 * and line.
 */
final class SidecarSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(SidecarSnapshots.class);
    private final Proxy proxy;
    private final SnapshotLoader loader = new SnapshotLoader();
    private final MeshServices meshServices;

    /** The compiled configuration and the mesh's trust domain aliases, which the TLS side needs too. */
    record Compiled(SidecarConfig config, List<String> trustDomainAliases) {
    }

    SidecarSnapshots(String namespace, Map<String, String> labels, MeshServices meshServices) {
        this.proxy = Proxy.sidecar(namespace, labels);
        this.meshServices = meshServices;
    }

    Compiled compile(Snapshot snapshot) throws SnapshotLoader.Refused {
        ResourceSet resources = loader.load(snapshot);
        SidecarCompilation routes = new SidecarRouteCompiler().compile(resources, proxy, meshServices, snapshot.version());
        routes.notes().forEach(note -> LOG.warn("sidecar {}: {}", snapshot.version(), note));
        return new Compiled(new SidecarConfig(routes.routes()), resources.mesh().trustDomainAliases());
    }
}
