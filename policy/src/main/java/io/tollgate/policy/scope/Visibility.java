package io.tollgate.policy.scope;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.WorkloadSelector;

import java.util.List;

/**
 * What a proxy can see of one configuration, with Istio's rules. Every list keeps the load order, which stands in
 * for Istio's creation-time order wherever "the first one wins".
 */
public record Visibility(ResourceSet resources) {

    public String rootNamespace() {
        return resources.mesh().rootNamespace();
    }

    /** ServiceEntries exported to {@code namespace}. */
    public List<ServiceEntry> serviceEntries(String namespace) {
        return resources.serviceEntries().stream()
                .filter(se -> Exports.visible(se.meta().namespace(), se.exportTo(), namespace)).toList();
    }

    /** VirtualServices exported to {@code namespace}, whatever they bind to. */
    public List<VirtualService> virtualServices(String namespace) {
        return resources.virtualServices().stream()
                .filter(vs -> Exports.visible(vs.meta().namespace(), vs.exportTo(), namespace)).toList();
    }

    /** VirtualServices exported to {@code namespace} with a rule that can apply to {@code gateway} (or {@code mesh}). */
    public List<VirtualService> virtualServicesBoundTo(String gateway, String namespace) {
        return virtualServices(namespace).stream().filter(vs -> GatewayRefs.binds(vs, gateway)).toList();
    }

    /**
     * DestinationRules that may apply to the proxy: exported to its namespace and, for a rule with a
     * {@code workloadSelector}, in its namespace and selecting its labels (Istio applies such rules to those
     * workloads only).
     */
    public List<DestinationRule> destinationRules(Proxy proxy) {
        return resources.destinationRules().stream()
                .filter(dr -> Exports.visible(dr.meta().namespace(), dr.exportTo(), proxy.namespace()))
                .filter(dr -> dr.workloadSelector().isEmpty() || selects(dr, proxy))
                .toList();
    }

    /**
     * Gateway resources whose selector matches a gateway proxy's labels, in any namespace (Istio's default,
     * {@code PILOT_SCOPE_GATEWAY_TO_NAMESPACE=false}); none for a sidecar. An empty selector selects every gateway.
     */
    public List<Gateway> gatewaysSelecting(Proxy proxy) {
        if (proxy.kind() != ProxyKind.GATEWAY) {
            return List.of();
        }
        return resources.gateways().stream().filter(g -> proxy.hasLabels(g.selector())).toList();
    }

    /**
     * AuthorizationPolicies that may apply to the proxy: those of the mesh root namespace (mesh-wide) and of its own
     * namespace, whatever their selector. The authorization engine picks among them by labels; shipping every
     * candidate keeps a selection mistake here from dropping a DENY.
     */
    public List<AuthorizationPolicy> authorizationPolicies(Proxy proxy) {
        return resources.authorizationPolicies().stream()
                .filter(p -> p.meta().namespace().equals(rootNamespace()) || p.meta().namespace().equals(proxy.namespace()))
                .toList();
    }

    private static boolean selects(DestinationRule dr, Proxy proxy) {
        WorkloadSelector selector = dr.workloadSelector().orElseThrow();
        return dr.meta().namespace().equals(proxy.namespace()) && proxy.hasLabels(selector.matchLabels());
    }
}
