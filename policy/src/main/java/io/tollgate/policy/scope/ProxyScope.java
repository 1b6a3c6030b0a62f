package io.tollgate.policy.scope;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The part of a configuration one proxy needs, which is exactly what the control plane ships to it: compiling the
 * scoped set for that proxy gives the same route table as compiling the whole set (the route compilers only look
 * through {@link Visibility}, and this keeps everything they can reach).
 *
 * <ul>
 * <li>A sidecar gets what its namespace can see: exported ServiceEntries, exported VirtualServices with a rule
 *     for {@code mesh}, and the DestinationRules that may apply to it.</li>
 * <li>A gateway gets the Gateways that select it, the exported VirtualServices bound to them, the exported
 *     ServiceEntries and DestinationRules for the hosts those routes send to, and the AuthorizationPolicies of
 *     the root namespace and its own (it enforces them).</li>
 * </ul>
 * The mesh config always goes along; Namespace resources never do (no proxy reads them).
 */
public final class ProxyScope {
    private ProxyScope() {
    }

    public static ResourceSet of(ResourceSet resources, Proxy proxy) {
        Visibility visibility = new Visibility(resources);
        return switch (proxy.kind()) {
            case SIDECAR -> sidecar(visibility, proxy);
            case GATEWAY -> gateway(visibility, proxy);
        };
    }

    private static ResourceSet sidecar(Visibility visibility, Proxy proxy) {
        return new ResourceSet(visibility.resources().mesh(), List.of(), visibility.serviceEntries(proxy.namespace()),
                List.of(), visibility.destinationRules(proxy),
                visibility.virtualServicesBoundTo(GatewayRefs.MESH, proxy.namespace()), List.of());
    }

    private static ResourceSet gateway(Visibility visibility, Proxy proxy) {
        List<Gateway> gateways = visibility.gatewaysSelecting(proxy);
        Set<VirtualService> bound = new LinkedHashSet<>();
        for (Gateway gateway : gateways) {
            bound.addAll(visibility.virtualServicesBoundTo(GatewayRefs.qualified(gateway), proxy.namespace()));
        }
        // Keep the load order of the whole set, which decides which rule wins.
        List<VirtualService> virtualServices = visibility.resources().virtualServices().stream().filter(bound::contains).toList();
        Set<String> destinations = new LinkedHashSet<>();
        for (VirtualService vs : virtualServices) {
            Stream.concat(vs.tcp().stream().flatMap(r -> r.route().stream()), vs.tls().stream().flatMap(r -> r.route().stream()))
                    .map(RouteDestination::destination)
                    .forEach(d -> destinations.add(ServiceHosts.fqdn(d.host(), vs.meta().namespace())));
        }
        List<ServiceEntry> entries = visibility.serviceEntries(proxy.namespace()).stream()
                .filter(se -> se.hosts().stream().anyMatch(h -> destinations.stream().anyMatch(d -> ServiceHosts.overlap(h, d))))
                .toList();
        List<DestinationRule> rules = visibility.destinationRules(proxy).stream()
                .filter(dr -> destinations.stream().anyMatch(d -> ServiceHosts.overlap(DestinationRuleLookup.hostOf(dr), d)))
                .toList();
        return new ResourceSet(visibility.resources().mesh(), List.of(), entries, gateways, rules, virtualServices,
                visibility.authorizationPolicies(proxy));
    }
}
