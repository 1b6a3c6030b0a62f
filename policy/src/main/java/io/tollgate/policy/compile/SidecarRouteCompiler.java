package io.tollgate.policy.compile;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.SidecarRoute;
import io.tollgate.policy.route.SidecarRoutes;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.WeightedUpstream;
import io.tollgate.policy.scope.DestinationRuleLookup;
import io.tollgate.policy.scope.GatewayRefs;
import io.tollgate.policy.scope.Proxy;
import io.tollgate.policy.scope.ProxyKind;
import io.tollgate.policy.scope.ServiceHosts;
import io.tollgate.policy.scope.Visibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles what one sidecar sees of a configuration into its {@link SidecarRoutes}, as istiod builds a sidecar's
 * outbound listeners: every {@code host:port} registered by a ServiceEntry exported to its namespace is a
 * destination; the first VirtualService bound to {@code mesh} (in load order) whose hosts cover it routes it, by
 * the first rule that applies to this sidecar; without one, the destination goes straight to its ServiceEntry
 * endpoints. A destination whose route cannot be followed is refused, with the reason.
 *
 * <p>Never throws for a user's mistake: everything left out or not applied is a note. Stateless; any thread.
 */
public final class SidecarRouteCompiler {

    public SidecarCompilation compile(ResourceSet resources, Proxy proxy, MeshServices meshServices, String version) {
        if (proxy.kind() != ProxyKind.SIDECAR) {
            throw new IllegalArgumentException("not a sidecar: " + proxy);
        }
        Visibility visibility = new Visibility(resources);
        RouteNotes notes = new RouteNotes();
        ServiceRegistry registry = new ServiceRegistry(visibility, proxy.namespace());
        Map<HostPort, ServicePort> destinations = registry.destinations(notes);
        List<VirtualService> bound = visibility.virtualServicesBoundTo(GatewayRefs.MESH, proxy.namespace());
        UpstreamResolver resolver = new UpstreamResolver(registry, meshServices,
                new DestinationRuleLookup(visibility, proxy), notes);

        Map<HostPort, SidecarRoute> routes = new HashMap<>();
        Map<HostPort, String> refused = new HashMap<>();
        for (HostPort destination : destinations.keySet().stream().sorted(SidecarRoutes.DESTINATION_ORDER).toList()) {
            ServicePort port = destinations.get(destination);
            Outcome<SidecarRoute> route = route(destination, port, bound, proxy, resolver, notes);
            switch (route) {
                case Outcome.Ok<SidecarRoute> ok -> routes.put(destination, ok.value());
                case Outcome.Failed<SidecarRoute> failed -> {
                    Problem problem = failed.problem();
                    notes.add(problem, "; connections to " + destination + " are refused");
                    refused.put(destination, problem.explained());
                }
            }
        }
        unroutedHosts(bound, registry, resources.mesh(), proxy, notes);
        return new SidecarCompilation(new SidecarRoutes(version, routes, outbound(resources.mesh()), refused), notes.list());
    }

    private static Outcome<SidecarRoute> route(HostPort destination, ServicePort port, List<VirtualService> bound,
                                               Proxy proxy, UpstreamResolver resolver, RouteNotes notes) {
        Optional<VirtualService> vs = routingVirtualService(port.host(), bound, notes);
        if (vs.isPresent()) {
            Optional<MeshRuleSelection.Selected> rule = MeshRuleSelection.select(vs.get(), port, proxy, notes);
            if (rule.isPresent()) {
                return weighted(destination, vs.get(), rule.get(), resolver, notes);
            }
        }
        return resolver.direct(port).then(upstream -> Outcome.ok(new SidecarRoute(destination,
                List.of(new WeightedUpstream(100, upstream)), port.entry().meta().qualifiedName())));
    }

    /** The first VirtualService covering the host wins, as in Istio; later ones are ignored for it, with a warning. */
    private static Optional<VirtualService> routingVirtualService(String host, List<VirtualService> bound, RouteNotes notes) {
        Optional<VirtualService> first = Optional.empty();
        for (VirtualService vs : bound) {
            if (vs.hosts().stream().noneMatch(h -> ServiceHosts.covers(ServiceHosts.fqdn(h, vs.meta().namespace()), host))) {
                continue;
            }
            // http routes are not applied either; the loader already warns about them.
            if (first.isEmpty()) {
                first = Optional.of(vs);
            } else {
                notes.warning(vs, vs.meta().location(), "spec.hosts", "not applied to " + host + ": VirtualService "
                        + first.get().meta().qualifiedName() + " (" + first.get().meta().location() + ") routes it first");
            }
        }
        return first;
    }

    private static Outcome<SidecarRoute> weighted(HostPort destination, VirtualService vs, MeshRuleSelection.Selected rule,
                                                  UpstreamResolver resolver, RouteNotes notes) {
        List<WeightedUpstream> upstreams = new ArrayList<>();
        List<RouteDestination> targets = rule.destinations();
        for (int k = 0; k < targets.size(); k++) {
            RouteDestination target = targets.get(k);
            // A lone destination takes every connection whatever its weight says (Istio treats 0 as unset).
            int weight = targets.size() == 1 ? 100 : target.weight();
            String field = rule.field() + ".route[" + k + "].destination";
            Outcome<Upstream> upstream = resolver.resolve(target.destination(), vs, destination.port(), field);
            switch (upstream) {
                case Outcome.Ok<Upstream> ok -> upstreams.add(new WeightedUpstream(weight, ok.value()));
                case Outcome.Failed<Upstream> failed when weight == 0 ->
                        notes.add(failed.problem(), "; it has weight 0, so it is left out");
                case Outcome.Failed<Upstream> failed -> {
                    return Outcome.failed(failed.problem());
                }
            }
        }
        if (upstreams.stream().mapToInt(WeightedUpstream::weight).sum() == 0) {
            return Outcome.failed(new Problem.Place(vs, rule.location(), rule.field()).problem("every destination has weight 0"));
        }
        return Outcome.ok(new SidecarRoute(destination, upstreams, vs.meta().qualifiedName()));
    }

    /** A VirtualService host that no visible ServiceEntry registers gets no route: say what happens instead. */
    private static void unroutedHosts(List<VirtualService> bound, ServiceRegistry registry, MeshConfig mesh, Proxy proxy,
                                      RouteNotes notes) {
        String fate = mesh.outboundTrafficPolicy() == MeshConfig.OutboundTrafficPolicy.REGISTRY_ONLY
                ? "under REGISTRY_ONLY its connections are closed as unregistered"
                : "under ALLOW_ANY its connections pass through unrouted";
        for (VirtualService vs : bound) {
            for (int h = 0; h < vs.hosts().size(); h++) {
                String host = ServiceHosts.fqdn(vs.hosts().get(h), vs.meta().namespace());
                boolean registered = registry.visible().stream().flatMap(se -> se.hosts().stream())
                        .anyMatch(r -> ServiceHosts.overlap(host, r.toLowerCase()));
                if (!registered) {
                    notes.warning(vs, vs.meta().location(), "spec.hosts[" + h + "]", host + " is not routed for sidecars "
                            + "in namespace " + proxy.namespace() + " (" + registry.unseen(host) + "): " + fate);
                }
            }
        }
    }

    private static OutboundPolicy outbound(MeshConfig mesh) {
        return switch (mesh.outboundTrafficPolicy()) {
            case ALLOW_ANY -> OutboundPolicy.ALLOW_ANY;
            case REGISTRY_ONLY -> OutboundPolicy.REGISTRY_ONLY;
        };
    }
}
