package io.tollgate.model.load;

import io.tollgate.model.Resource;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.core.Namespace;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Resources sorted into a {@link ResourceSet}'s lists as they come, in order: what {@link ResourceSet#of} does, with
 * plain {@code instanceof} tests, which the control plane's rarely-run edit path can afford uncompiled (a pattern
 * {@code switch} goes through a bootstrap method per resource until the JIT has compiled it). Single-use.
 */
final class KindLists {
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<ServiceEntry> serviceEntries;
    private final List<Gateway> gateways = new ArrayList<>();
    private final List<DestinationRule> destinationRules = new ArrayList<>();
    private final List<VirtualService> virtualServices = new ArrayList<>();
    private final List<AuthorizationPolicy> policies;

    /** @param expected about how many resources come: the two kinds that come in thousands are sized for half each */
    KindLists(int expected) {
        this.serviceEntries = new ArrayList<>(expected / 2);
        this.policies = new ArrayList<>(expected / 2);
    }

    void add(Resource resource) {
        if (resource instanceof ServiceEntry se) {
            serviceEntries.add(se);
        } else if (resource instanceof AuthorizationPolicy ap) {
            policies.add(ap);
        } else if (resource instanceof DestinationRule dr) {
            destinationRules.add(dr);
        } else if (resource instanceof VirtualService vs) {
            virtualServices.add(vs);
        } else if (resource instanceof Gateway g) {
            gateways.add(g);
        } else if (resource instanceof Namespace n) {
            namespaces.add(n);
        } else {
            throw new IllegalArgumentException("a resource set has no list for kind " + resource.kind());
        }
    }

    ResourceSet toSet(MeshConfig mesh) {
        return new ResourceSet(mesh, namespaces, serviceEntries, gateways, destinationRules, virtualServices, policies);
    }
}
