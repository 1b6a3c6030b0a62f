package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.ProxyScope;
import io.tollgate.controlplane.distribution.ScopeKey;
import io.tollgate.controlplane.distribution.ValidatedConfig;
import io.tollgate.model.ResourceSet;
import io.tollgate.policy.scope.Proxy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Istio's visibility rules as the distributor's scope: a sidecar gets what its namespace can see, a gateway what
 * its Gateways select and the policies it enforces ({@link io.tollgate.policy.scope.ProxyScope}); each as the
 * user's own documents, the mesh config always included.
 */
final class ModelScope implements ProxyScope<LoadedMesh> {
    @Override
    public List<ConfigDocument> documents(ScopeKey proxy, ValidatedConfig<LoadedMesh> config) {
        LoadedMesh mesh = config.parsed();
        Proxy scoped = switch (proxy.kind()) {
            case SIDECAR -> Proxy.sidecar(proxy.namespace(), proxy.labels());
            case GATEWAY -> Proxy.gateway(proxy.namespace(), proxy.labels());
        };
        ResourceSet visible = io.tollgate.policy.scope.ProxyScope.of(mesh.resources(), scoped);
        Set<ConfigDocument> documents = new LinkedHashSet<>();
        visible.all().forEach(resource -> documents.add(mesh.documentOf(resource)));
        mesh.meshConfig().ifPresent(documents::add);
        return List.copyOf(documents);
    }
}
