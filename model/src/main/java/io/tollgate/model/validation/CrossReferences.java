package io.tollgate.model.validation;

import io.tollgate.model.Resource;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.VirtualService;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks that need every loaded resource at once. Duplicates (same kind, namespace and name) are errors, as the API
 * server would refuse the second. Dangling references are warnings, as in {@code istioctl analyze}: Istio admits
 * them one resource at a time.
 */
public final class CrossReferences {
    private CrossReferences() {
    }

    /** @param findingsOf the findings of each resource, so that diagnostics land at the right line */
    public static void check(List<Resource> resources, MeshConfig mesh, Function<Resource, Findings> findingsOf) {
        Map<String, Resource> byKey = new HashMap<>();
        for (Resource r : resources) {
            String key = r.kind() + " " + r.meta().qualifiedName();
            Resource first = byKey.putIfAbsent(key, r);
            if (first != null) {
                findingsOf.apply(r).error(FieldPath.of("metadata").field("name"), "duplicate " + r.kind() + " "
                        + r.meta().qualifiedName() + ", first defined at " + first.meta().location());
            }
        }
        gatewayReferences(resources, byKey, findingsOf);
        subsetReferences(resources, findingsOf);
        NamespaceReferences.check(resources, mesh, findingsOf);
    }

    private static void gatewayReferences(List<Resource> resources, Map<String, Resource> byKey, Function<Resource, Findings> findingsOf) {
        for (Resource r : resources) {
            if (!(r instanceof VirtualService vs)) {
                continue;
            }
            for (int i = 0; i < vs.gateways().size(); i++) {
                String ref = qualifiedGateway(vs.gateways().get(i), vs.meta().namespace());
                if (!ref.isEmpty() && !byKey.containsKey("Gateway " + ref)) {
                    findingsOf.apply(r).warning(FieldPath.of("spec").field("gateways").index(i),
                            "gateway " + ref + " is not among the loaded Gateways");
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

    private static void subsetReferences(List<Resource> resources, Function<Resource, Findings> findingsOf) {
        Map<String, Set<String>> subsetsByHost = new HashMap<>();
        for (Resource r : resources) {
            if (r instanceof DestinationRule dr) {
                Set<String> names = subsetsByHost.computeIfAbsent(fqdn(dr.host(), dr.meta().namespace()), h -> new HashSet<>());
                dr.subsets().forEach(s -> names.add(s.name()));
            }
        }
        for (Resource r : resources) {
            if (!(r instanceof VirtualService vs)) {
                continue;
            }
            for (int i = 0; i < vs.tcp().size(); i++) {
                subsets(vs, vs.tcp().get(i).route(), FieldPath.of("spec").field("tcp").index(i), subsetsByHost, findingsOf);
            }
            for (int i = 0; i < vs.tls().size(); i++) {
                subsets(vs, vs.tls().get(i).route(), FieldPath.of("spec").field("tls").index(i), subsetsByHost, findingsOf);
            }
        }
    }

    private static void subsets(VirtualService vs, List<RouteDestination> route, FieldPath at,
                                Map<String, Set<String>> subsetsByHost, Function<Resource, Findings> findingsOf) {
        for (int k = 0; k < route.size(); k++) {
            var destination = route.get(k).destination();
            String host = fqdn(destination.host(), vs.meta().namespace());
            String subset = destination.subset().orElse("");
            if (!subset.isEmpty() && !subsetsByHost.getOrDefault(host, Set.of()).contains(subset)) {
                findingsOf.apply(vs).warning(at.field("route").index(k).field("destination").field("subset"),
                        "subset " + subset + " is not defined by any loaded DestinationRule for host " + host);
            }
        }
    }

    /** Istio resolves a short host name in the namespace of the resource that wrote it. */
    private static String fqdn(String host, String namespace) {
        return host.contains(".") || host.contains("*") ? host : host + "." + namespace + ".svc.cluster.local";
    }
}
