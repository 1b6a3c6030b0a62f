package io.tollgate.model.validation;

import io.tollgate.model.Resource;
import io.tollgate.model.core.Namespace;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Rule;
import io.tollgate.model.security.Source;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the cross-resource checks ({@link CrossReferences}) look up, for one set of resources, and who looks what up:
 * resources by kind and name (duplicates, Gateways), DestinationRules by host (subsets), the namespaces something
 * lives in. Updated resource by resource, so that a set that changes by one document is re-checked where that
 * document can change a verdict, not everywhere: {@link #add} and {@link #remove} name every resource whose
 * diagnostics may differ afterwards (Istio's own analyzers re-run on the whole set; this is the same verdict for less).
 *
 * <p>Resources are held by identity: two equal documents in two files are two resources (one a duplicate).
 * Single-threaded: one loader builds and updates it.
 */
public final class CrossReferenceIndex {
    /** Where a whole set indexed at once tells what each resource affects: nowhere, as it is checked whole. */
    private static final Set<Resource> NOBODY = new AbstractSet<>() {
        @Override
        public boolean add(Resource resource) {
            return false;
        }

        @Override
        public boolean addAll(Collection<? extends Resource> resources) {
            return false;
        }

        @Override
        public Iterator<Resource> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    };
    // Key (kind and namespace/name) -> every resource with it, first defined first: the first is the original, the
    // others duplicates. Gateways are looked up here too.
    private final Map<String, List<Resource>> byKey;
    private final Map<String, List<DestinationRule>> rulesByHost = new HashMap<>();
    // Namespace -> how many resources make it known (declare it, or live in it).
    private final Map<String, Integer> known = new HashMap<>();
    private int namespaces;
    // Who looks what up: VirtualServices by the Gateway key and host they name, policies by the namespaces they name.
    private final Map<String, Set<Resource>> gatewayReaders = new HashMap<>();
    private final Map<String, Set<Resource>> hostReaders = new HashMap<>();
    private final Map<String, Set<Resource>> namespaceReaders = new HashMap<>();
    private final Set<Resource> namespaceReading;

    /** An empty index, to be filled by {@link #add}. */
    public CrossReferenceIndex() {
        this(0);
    }

    /** Sized for {@code expected} resources: a whole set indexed at once grows no table on the way. */
    private CrossReferenceIndex(int expected) {
        byKey = HashMap.newHashMap(expected);
        namespaceReading = Collections.newSetFromMap(new IdentityHashMap<>(expected));
    }

    /** The index of {@code resources}, each list in the order given (the first of a name is the original). */
    public static CrossReferenceIndex of(List<Resource> resources) {
        return of(resources, resources.stream().map(CrossReferenceIndex::key).toList());
    }

    /** {@link #of(List)}, given each resource's {@link #key} (which a caller can make off this thread). */
    public static CrossReferenceIndex of(List<Resource> resources, List<String> keys) {
        CrossReferenceIndex index = new CrossReferenceIndex(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            // In order: each goes last; and nobody asks what it affects.
            index.insert(resources.get(i), keys.get(i), (a, b) -> -1, null);
        }
        return index;
    }

    /**
     * What the index files {@code r} under: its kind and {@code namespace/name} (two resources with the same key are
     * an original and its duplicates). A string made per resource: a caller holding many can make them once.
     */
    public static String key(Resource r) {
        return r.kind() + " " + r.meta().namespace() + "/" + r.meta().name();
    }

    /**
     * Adds {@code resource}, and names in {@code affected} every resource whose diagnostics it may change (itself
     * included).
     *
     * @param order the order of the set the resource joins (which decides which of two equal names is the original)
     */
    public void add(Resource resource, String key, Comparator<Resource> order, Set<Resource> affected) {
        insert(resource, key, order, affected);
    }

    /**
     * @param key      {@code resource}'s {@link #key}
     * @param affected null when nobody asks (a whole set indexed at once is checked whole)
     */
    private void insert(Resource resource, String key, Comparator<Resource> order, Set<Resource> affected) {
        List<Resource> same = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
        int at = same.size();
        while (at > 0 && order.compare(same.get(at - 1), resource) > 0) {
            at--;
        }
        same.add(at, resource);
        Set<Resource> told = affected == null ? NOBODY : affected;
        told.addAll(same);
        changed(resource, +1, told);
        reads(resource, +1);
    }

    /** Removes {@code resource}, and names in {@code affected} every remaining resource whose diagnostics it may change. */
    public void remove(Resource resource, String key, Set<Resource> affected) {
        List<Resource> same = byKey.get(key);
        same.removeIf(r -> r == resource);
        if (same.isEmpty()) {
            byKey.remove(key);
        }
        affected.addAll(same);
        changed(resource, -1, affected);
        reads(resource, -1);
    }

    /**
     * The cross-resource diagnostics of one resource of the set, in a fixed order (duplicate, Gateways, subsets,
     * namespaces), reported to {@code findingsOf} only when there is something to say.
     */
    public void check(Resource r, MeshConfig mesh, Function<Resource, Findings> findingsOf) {
        check(r, key(r), mesh, findingsOf);
    }

    /** {@link #check(Resource, MeshConfig, Function)}, given {@code r}'s {@link #key}. */
    public void check(Resource r, String key, MeshConfig mesh, Function<Resource, Findings> findingsOf) {
        List<Resource> same = byKey.get(key);
        Resource first = same.getFirst();
        if (first != r || same.size() > 1 && listedTwice(same, r)) {
            findingsOf.apply(r).error(FieldPath.of("metadata").field("name"), "duplicate " + r.kind() + " "
                    + r.meta().qualifiedName() + ", first defined at " + first.meta().location());
        }
        if (r instanceof VirtualService vs) {
            gateways(vs, findingsOf);
            subsets(vs, findingsOf);
        }
        if (r instanceof AuthorizationPolicy policy && namespaces > 0) {
            NamespaceReferences.check(policy, ns -> ns.equals(mesh.rootNamespace()) || known.containsKey(ns), findingsOf);
        }
    }

    /** One resource instance loaded twice (a text combined twice) duplicates itself, as two readings of it would. */
    private static boolean listedTwice(List<Resource> same, Resource r) {
        int count = 0;
        for (Resource other : same) {
            count += other == r ? 1 : 0;
        }
        return count > 1;
    }

    private void gateways(VirtualService vs, Function<Resource, Findings> findingsOf) {
        for (int i = 0; i < vs.gateways().size(); i++) {
            String ref = qualifiedGateway(vs.gateways().get(i), vs.meta().namespace());
            if (!ref.isEmpty() && !byKey.containsKey("Gateway " + ref)) {
                findingsOf.apply(vs).warning(FieldPath.of("spec").field("gateways").index(i),
                        "gateway " + ref + " is not among the loaded Gateways");
            }
        }
    }

    private void subsets(VirtualService vs, Function<Resource, Findings> findingsOf) {
        for (int i = 0; i < vs.tcp().size(); i++) {
            subsets(vs, vs.tcp().get(i).route(), FieldPath.of("spec").field("tcp").index(i), findingsOf);
        }
        for (int i = 0; i < vs.tls().size(); i++) {
            subsets(vs, vs.tls().get(i).route(), FieldPath.of("spec").field("tls").index(i), findingsOf);
        }
    }

    private void subsets(VirtualService vs, List<RouteDestination> route, FieldPath at, Function<Resource, Findings> findingsOf) {
        for (int k = 0; k < route.size(); k++) {
            var destination = route.get(k).destination();
            String host = fqdn(destination.host(), vs.meta().namespace());
            String subset = destination.subset().orElse("");
            if (!subset.isEmpty() && rulesByHost.getOrDefault(host, List.of()).stream()
                    .noneMatch(dr -> dr.subsets().stream().anyMatch(s -> s.name().equals(subset)))) {
                findingsOf.apply(vs).warning(at.field("route").index(k).field("destination").field("subset"),
                        "subset " + subset + " is not defined by any loaded DestinationRule for host " + host);
            }
        }
    }

    /** What {@code r} provides to others' checks: a Gateway's key is covered by {@link #byKey}. */
    private void changed(Resource r, int delta, Set<Resource> affected) {
        if (r instanceof Gateway) {
            affected.addAll(gatewayReaders.getOrDefault(r.meta().qualifiedName(), Set.of()));
        }
        if (r instanceof DestinationRule dr) {
            String host = fqdn(dr.host(), dr.meta().namespace());
            List<DestinationRule> rules = rulesByHost.computeIfAbsent(host, h -> new ArrayList<>(1));
            if (delta > 0) {
                rules.add(dr);
            } else {
                rules.removeIf(x -> x == dr);
                if (rules.isEmpty()) {
                    rulesByHost.remove(host);
                }
            }
            affected.addAll(hostReaders.getOrDefault(host, Set.of()));
        }
        if (r instanceof Namespace) {
            namespaces += delta;
            if (namespaces == 0 || namespaces == 1 && delta > 0) {
                affected.addAll(namespaceReading); // namespace references are checked only while a Namespace is loaded
            }
        }
        String ns = r instanceof Namespace namespace ? namespace.name() : r.meta().namespace();
        int count = known.merge(ns, delta, Integer::sum);
        if (count == 0) {
            known.remove(ns);
        }
        if (count == 0 || count == 1 && delta > 0) {
            affected.addAll(namespaceReaders.getOrDefault(ns, Set.of()));
        }
    }

    /** What {@code r}'s own checks look up, so that a change of it re-checks {@code r}. */
    private void reads(Resource r, int delta) {
        if (r instanceof VirtualService vs) {
            for (String ref : vs.gateways()) {
                String gateway = qualifiedGateway(ref, vs.meta().namespace());
                if (!gateway.isEmpty()) {
                    register(gatewayReaders, gateway, r, delta);
                }
            }
            List<RouteDestination> routes = new ArrayList<>();
            vs.tcp().forEach(t -> routes.addAll(t.route()));
            vs.tls().forEach(t -> routes.addAll(t.route()));
            for (RouteDestination route : routes) {
                if (route.destination().subset().filter(s -> !s.isEmpty()).isPresent()) {
                    register(hostReaders, fqdn(route.destination().host(), vs.meta().namespace()), r, delta);
                }
            }
        }
        if (r instanceof AuthorizationPolicy policy) {
            for (Rule rule : policy.rules()) {
                for (Source source : rule.from()) {
                    for (String ns : source.namespaces()) {
                        register(namespaceReaders, ns, r, delta);
                    }
                    for (String ns : source.notNamespaces()) {
                        register(namespaceReaders, ns, r, delta);
                    }
                }
            }
            if (delta > 0) {
                namespaceReading.add(r);
            } else {
                namespaceReading.remove(r);
            }
        }
    }

    private static void register(Map<String, Set<Resource>> readers, String key, Resource r, int delta) {
        if (delta > 0) {
            readers.computeIfAbsent(key, k -> identitySet()).add(r);
        } else {
            Set<Resource> set = readers.get(key);
            if (set != null) {
                set.remove(r);
                if (set.isEmpty()) {
                    readers.remove(key);
                }
            }
        }
    }

    /** {@code ns/name}, a bare name in the VirtualService's namespace, or "" for {@code mesh}. */
    private static String qualifiedGateway(String ref, String namespace) {
        if (ref.equals(VirtualService.MESH_GATEWAY)) {
            return "";
        }
        if (ref.contains("/")) {
            return ref;
        }
        String[] legacy = ref.split("\\.", -1);
        return legacy.length >= 2 ? legacy[1] + "/" + legacy[0] : namespace + "/" + ref;
    }

    /** Istio resolves a short host name in the namespace of the resource that wrote it. */
    private static String fqdn(String host, String namespace) {
        return host.contains(".") || host.contains("*") ? host : host + "." + namespace + ".svc.cluster.local";
    }

    private static Set<Resource> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
