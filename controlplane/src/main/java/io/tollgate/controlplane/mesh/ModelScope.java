package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyScope;
import io.tollgate.controlplane.distribution.ScopeKey;
import io.tollgate.controlplane.distribution.ValidatedConfig;
import io.tollgate.model.Resource;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.core.Namespace;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.scope.Proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Istio's visibility rules as the distributor's scope: a sidecar gets what its namespace can see, a gateway what
 * its Gateways select and the policies it enforces ({@link io.tollgate.policy.scope.ProxyScope}); each as the
 * user's own documents, the mesh config always included.
 *
 * <p>Scoping 20,000 resources for each of 100 proxies on every change is most of a push, so each proxy key's last
 * scope is kept and, when the next version follows it directly, updated from the {@link MeshChange} alone where
 * Istio's rules allow: where the scope tests each resource on its own (exportTo, selectors, namespaces; Istio's
 * {@code ProxyNeedsPush} reasons the same way). Otherwise it is computed afresh. An unchanged scope is returned as
 * the very list returned before, which the distributor takes as "nothing to index again".
 *
 * <p>Threads: called from the publishing thread and gRPC threads at once; the memo is a concurrent map whose
 * entries are immutable, and two threads computing the same key compute the same value.
 */
final class ModelScope implements ProxyScope<LoadedMesh> {
    /**
     * Kinds whose every resource a sidecar's scope includes or not by looking at that resource alone: its
     * ServiceEntries (exportTo), DestinationRules (exportTo, selector) and VirtualServices (exportTo, bound to
     * {@code mesh}). It includes no other kind and depends on none.
     */
    private static final Set<String> SIDECAR_PER_RESOURCE = Set.of("ServiceEntry", "DestinationRule", "VirtualService",
            "AuthorizationPolicy", "Gateway", "Namespace");
    /**
     * Kinds a gateway's scope includes one by one once its Gateways and routes are known: its policies (those of the
     * root namespace and its own), and the ServiceEntries and DestinationRules whose hosts its routes send to. The
     * Gateways and routes themselves depend on each other, so a change of those is scoped afresh.
     */
    private static final Set<String> GATEWAY_PER_RESOURCE = Set.of("AuthorizationPolicy", "Namespace", "ServiceEntry",
            "DestinationRule");

    private record Scoped(long generation, List<ConfigDocument> documents) {
    }

    /** A configuration's export index, with the resources it was built from. */
    private record Exported(ResourceSet resources, ExportIndex index) {
    }

    private final Map<ScopeKey, Scoped> last = new ConcurrentHashMap<>();
    // The newest configuration's index, built by whichever thread first scopes a proxy afresh; two threads racing
    // build equal indexes, and either one is right.
    private volatile Exported exported;

    @Override
    public List<ConfigDocument> documents(ScopeKey key, ValidatedConfig<LoadedMesh> config) {
        LoadedMesh mesh = config.parsed();
        Scoped before = last.get(key);
        if (before != null && before.generation() == mesh.generation()) {
            return before.documents();
        }
        Proxy proxy = switch (key.kind()) {
            case SIDECAR -> Proxy.sidecar(key.namespace(), key.labels());
            case GATEWAY -> Proxy.gateway(key.namespace(), key.labels());
        };
        MeshChange change = mesh.change().orElse(null);
        boolean follows = before != null && change != null && change.from() == before.generation()
                && !change.meshConfigChanged()
                && (key.kind() == ProxyKind.SIDECAR ? SIDECAR_PER_RESOURCE : GATEWAY_PER_RESOURCE).containsAll(change.kinds());
        List<ConfigDocument> documents = follows ? updated(before.documents(), change, mesh, proxy)
                : scoped(exports(mesh).visibleTo(key.namespace()), mesh, proxy);
        last.put(key, new Scoped(mesh.generation(), documents));
        // Keys of proxies long gone would keep old documents alive; a scope two generations old is of no use.
        last.values().removeIf(s -> s.generation() < mesh.generation() - 1);
        return documents;
    }

    /** A proxy's scope is that of what its namespace may see at all: for a sidecar a few dozen resources, not 20,000. */
    private ExportIndex exports(LoadedMesh mesh) {
        Exported index = exported;
        if (index == null || index.resources() != mesh.resources()) {
            index = new Exported(mesh.resources(), ExportIndex.of(mesh.resources()));
            exported = index;
        }
        return index.index();
    }

    /** The last scope without the removed documents, with the added ones the proxy sees; the same list if neither. */
    private static List<ConfigDocument> updated(List<ConfigDocument> before, MeshChange change, LoadedMesh mesh, Proxy proxy) {
        // By identity: the last scope holds the last version's own instances, and so does the change. A hundred
        // scopes of 10,000 documents are walked here; equals() on each would cost more than the rest of a push.
        Set<ConfigDocument> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        removed.addAll(change.removed());
        List<ConfigDocument> kept = new ArrayList<>(before.size());
        for (ConfigDocument document : before) {
            if (!removed.contains(document)) {
                kept.add(document);
            }
        }
        Set<ConfigDocument> added = new LinkedHashSet<>();
        seen(change.added(), mesh.resources(), proxy).forEach(r -> added.add(mesh.documentOf(r)));
        if (kept.size() == before.size() && added.isEmpty()) {
            return before;
        }
        kept.addAll(added); // no duplicate: added documents are new, kept ones were all there before
        return List.copyOf(kept);
    }

    /** The documents of what {@code proxy} sees of {@code resources}, the mesh config last. */
    private static List<ConfigDocument> scoped(ResourceSet resources, LoadedMesh mesh, Proxy proxy) {
        Set<ConfigDocument> documents = visible(resources, mesh, proxy);
        mesh.meshConfig().ifPresent(documents::add);
        return List.copyOf(documents);
    }

    private static Set<ConfigDocument> visible(ResourceSet resources, LoadedMesh mesh, Proxy proxy) {
        Set<ConfigDocument> documents = new LinkedHashSet<>();
        io.tollgate.policy.scope.ProxyScope.of(resources, proxy).all().forEach(r -> documents.add(mesh.documentOf(r)));
        return documents;
    }

    /**
     * The added resources the proxy sees, judged as in the whole set: beside added ServiceEntries or DestinationRules,
     * a gateway's scope needs every Gateway and VirtualService (unchanged, or the change would not be followed) to
     * know which hosts its routes send to. Policies, and everything a sidecar sees, need nothing beside them; and
     * judging routes is not free (the scope hashes every route it binds), so a policy edit does not pay for it.
     */
    private static List<Resource> seen(List<Resource> added, ResourceSet all, Proxy proxy) {
        if (proxy.kind() == io.tollgate.policy.scope.ProxyKind.SIDECAR
                || added.stream().noneMatch(r -> r instanceof ServiceEntry || r instanceof DestinationRule)) {
            return io.tollgate.policy.scope.ProxyScope.of(ResourceSet.of(all.mesh(), added), proxy).all();
        }
        List<Resource> context = new ArrayList<>(all.gateways());
        context.addAll(all.virtualServices());
        context.addAll(added);
        Set<Resource> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(added);
        ResourceSet seen = io.tollgate.policy.scope.ProxyScope.of(ResourceSet.of(all.mesh(), context), proxy);
        return seen.all().stream().filter(wanted::contains).toList();
    }
}
