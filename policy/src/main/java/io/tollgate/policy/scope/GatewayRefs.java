package io.tollgate.policy.scope;

import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.VirtualService;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code gateways} of a VirtualService and of its matches, as Istio resolves them ({@code resolveGatewayName}):
 * {@code mesh}; {@code ns/name}; {@code ./name} and a bare {@code name} in the VirtualService's namespace; the legacy
 * {@code name.ns[.svc.cluster.local]}. An absent list means {@code [mesh]}.
 */
public final class GatewayRefs {
    public static final String MESH = VirtualService.MESH_GATEWAY;

    private GatewayRefs() {
    }

    /** {@code ns/name} of a Gateway resource, the form every reference is resolved to. */
    public static String qualified(Gateway gateway) {
        return gateway.meta().qualifiedName();
    }

    /** One reference, resolved: {@code mesh} stays {@code mesh}, everything else becomes {@code ns/name}. */
    public static String resolve(String reference, String virtualServiceNamespace) {
        if (reference.equals(MESH)) {
            return MESH;
        }
        int slash = reference.indexOf('/');
        if (slash >= 0) {
            String namespace = reference.substring(0, slash);
            return (namespace.equals(".") ? virtualServiceNamespace : namespace) + reference.substring(slash);
        }
        int dot = reference.indexOf('.');
        if (dot < 0) {
            return virtualServiceNamespace + "/" + reference;
        }
        String rest = reference.substring(dot + 1);
        int next = rest.indexOf('.');
        return (next < 0 ? rest : rest.substring(0, next)) + "/" + reference.substring(0, dot);
    }

    /** The VirtualService's own {@code gateways}, resolved; {@code [mesh]} when absent. */
    public static Set<String> topLevel(VirtualService vs) {
        return resolveAll(vs.gateways().isEmpty() ? List.of(MESH) : vs.gateways(), vs.meta().namespace());
    }

    /** A match's gateways: its own list when it has one (it overrides the top level), else the top level. */
    public static Set<String> forMatch(VirtualService vs, List<String> matchGateways) {
        return matchGateways.isEmpty() ? topLevel(vs) : resolveAll(matchGateways, vs.meta().namespace());
    }

    /** True when any rule of the VirtualService can apply to {@code gateway} (top level or a match's list). */
    public static boolean binds(VirtualService vs, String gateway) {
        if (topLevel(vs).contains(gateway)) {
            return true;
        }
        String namespace = vs.meta().namespace();
        return vs.tcp().stream().flatMap(r -> r.match().stream())
                        .anyMatch(m -> resolveAll(m.gateways(), namespace).contains(gateway))
                || vs.tls().stream().flatMap(r -> r.match().stream())
                        .anyMatch(m -> resolveAll(m.gateways(), namespace).contains(gateway));
    }

    private static Set<String> resolveAll(List<String> references, String namespace) {
        Set<String> out = new LinkedHashSet<>();
        references.forEach(r -> out.add(resolve(r, namespace)));
        return out;
    }
}
