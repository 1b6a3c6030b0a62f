package io.tollgate.model;

import io.tollgate.model.core.Namespace;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one load produced, each list in the order the documents were read (files in the order given,
 * directories sorted by path). Immutable; the unit the control plane snapshots and compiles.
 */
public record ResourceSet(MeshConfig mesh, List<Namespace> namespaces, List<ServiceEntry> serviceEntries,
                          List<Gateway> gateways, List<DestinationRule> destinationRules,
                          List<VirtualService> virtualServices, List<AuthorizationPolicy> authorizationPolicies) {
    public static final ResourceSet EMPTY = new ResourceSet(MeshConfig.DEFAULT, List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());

    public ResourceSet {
        namespaces = List.copyOf(namespaces);
        serviceEntries = List.copyOf(serviceEntries);
        gateways = List.copyOf(gateways);
        destinationRules = List.copyOf(destinationRules);
        virtualServices = List.copyOf(virtualServices);
        authorizationPolicies = List.copyOf(authorizationPolicies);
    }

    /** The set of these resources, each list in the order given; a kind the set has no list for is a bug. */
    public static ResourceSet of(MeshConfig mesh, List<? extends Resource> resources) {
        List<Namespace> namespaces = new ArrayList<>();
        List<ServiceEntry> serviceEntries = new ArrayList<>();
        List<Gateway> gateways = new ArrayList<>();
        List<DestinationRule> destinationRules = new ArrayList<>();
        List<VirtualService> virtualServices = new ArrayList<>();
        List<AuthorizationPolicy> policies = new ArrayList<>();
        for (Resource resource : resources) {
            switch (resource) {
                case Namespace n -> namespaces.add(n);
                case ServiceEntry se -> serviceEntries.add(se);
                case Gateway g -> gateways.add(g);
                case DestinationRule dr -> destinationRules.add(dr);
                case VirtualService vs -> virtualServices.add(vs);
                case AuthorizationPolicy ap -> policies.add(ap);
                default -> throw new IllegalArgumentException("a resource set has no list for kind " + resource.kind());
            }
        }
        return new ResourceSet(mesh, namespaces, serviceEntries, gateways, destinationRules, virtualServices, policies);
    }

    /** Every resource, kind by kind in the order of the record's components. */
    public List<Resource> all() {
        List<Resource> out = new ArrayList<>(namespaces);
        out.addAll(serviceEntries);
        out.addAll(gateways);
        out.addAll(destinationRules);
        out.addAll(virtualServices);
        out.addAll(authorizationPolicies);
        return List.copyOf(out);
    }

    /** How many resources of each kind, kinds with none left out: for summaries such as {@code 1 Gateway}. */
    public Map<String, Integer> countsByKind() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Resource r : all()) {
            out.merge(r.kind(), 1, Integer::sum);
        }
        return out;
    }
}
