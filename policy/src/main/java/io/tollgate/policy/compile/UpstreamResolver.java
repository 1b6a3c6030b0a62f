package io.tollgate.policy.compile;

import io.tollgate.model.networking.Destination;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.IpLiteral;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import io.tollgate.policy.scope.DestinationRuleLookup;
import io.tollgate.policy.scope.ServiceHosts;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns what a sidecar route names into an {@link Upstream}: a mesh service (the egress gateway) goes to its
 * endpoints, anything else must be a host registered by a ServiceEntry the sidecar can see; then the
 * DestinationRule for that host, subset and port decides TLS and load balancing. Anything that cannot be honoured
 * is a {@link Problem}, never a guess.
 */
final class UpstreamResolver {
    /** Istio's auto mTLS: a mesh service is spoken to with mTLS unless a DestinationRule says otherwise. */
    private static final UpstreamTls AUTO_MTLS = new UpstreamTls.IstioMutual(Optional.empty(), List.of());

    private final ServiceRegistry registry;
    private final MeshServices meshServices;
    private final DestinationRuleLookup rules;
    private final RouteNotes notes;

    UpstreamResolver(ServiceRegistry registry, MeshServices meshServices, DestinationRuleLookup rules, RouteNotes notes) {
        this.registry = registry;
        this.meshServices = meshServices;
        this.rules = rules;
        this.notes = notes;
    }

    /** A destination written in a VirtualService rule, for a connection that came in on {@code incoming}. */
    Outcome<Upstream> resolve(Destination destination, VirtualService vs, PortNumber incoming, String field) {
        String host = ServiceHosts.fqdn(destination.host(), vs.meta().namespace());
        Problem.Place at = new Problem.Place(vs, destination.location(), field);
        if (host.contains("*")) {
            return Outcome.failed(at.problem("destination host " + host + " is a wildcard; a route needs one service"));
        }
        Optional<MeshService> mesh = meshServices.find(host);
        if (mesh.isPresent()) {
            return meshUpstream(mesh.get(), destination.subset(), destination.port(), incoming, at);
        }
        Optional<ServiceRegistry.Registered> registered = registry.find(host);
        if (registered.isEmpty()) {
            return Outcome.failed(at.problem("destination " + host + " is neither a known mesh service nor registered "
                    + "by a ServiceEntry visible to namespace " + registry.namespace(), registry.unseen(host)));
        }
        return registry.port(registered.get(), destination.port(), incoming, at)
                .then(port -> entryUpstream(port, destination.subset(), at));
    }

    /** A registered host:port that no rule routes: straight to its ServiceEntry's endpoints. */
    Outcome<Upstream> direct(ServicePort port) {
        return entryUpstream(port, Optional.empty(), new Problem.Place(port.entry(), port.port().location(), port.field()));
    }

    private Outcome<Upstream> meshUpstream(MeshService service, Optional<String> subset, OptionalInt requested,
                                           PortNumber incoming, Problem.Place at) {
        PortNumber port = requested.isPresent() ? PortNumber.of(requested.getAsInt()) : service.onlyPort().orElse(incoming);
        Optional<List<Endpoint>> endpoints = service.endpoints(port);
        if (endpoints.isEmpty()) {
            return Outcome.failed(at.problem("mesh service " + service.host() + " has no port " + port
                    + " (known ports: " + service.ports().keySet() + ")"));
        }
        String host = service.host().value();
        Resolution resolution = endpoints.get().stream().allMatch(e -> e.host() instanceof IpLiteral)
                ? Resolution.STATIC : Resolution.DNS;
        return EffectiveTrafficPolicy.of(rules.find(host, ServiceHosts.serviceNamespace(host)), host, subset, port, at)
                .then(policy -> {
                    if (!policy.subsetLabels().isEmpty()) {
                        notes.note(at.resource(), at.location(), at.field(), "subset " + subset.orElseThrow()
                                + " selects endpoints by labels, which mesh service " + host
                                + " does not have: all its endpoints are used");
                    }
                    return UpstreamSettings.tls(policy, AUTO_MTLS, List.of()).then(tls -> Outcome.ok(new Upstream(
                            service.host(), port, endpoints.get(), resolution, tls, UpstreamSettings.loadBalancer(policy, notes))));
                });
    }

    private Outcome<Upstream> entryUpstream(ServicePort port, Optional<String> subset, Problem.Place at) {
        Hostname service;
        try {
            service = Hostname.of(port.host());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(at.problem("host " + port.host() + " cannot be dialed: " + e.getMessage()));
        }
        Optional<String> hostNamespace = Optional.of(port.entry().meta().namespace());
        return port.resolution().then(resolution ->
                EffectiveTrafficPolicy.of(rules.find(port.host(), hostNamespace), port.host(), subset, port.number(), at)
                        .then(policy -> port.endpoints(policy.subsetLabels(), subset.orElse(""), notes)
                                .then(endpoints -> UpstreamSettings.tls(policy, new UpstreamTls.Disabled(), port.entry().subjectAltNames())
                                        .then(tls -> Outcome.ok(new Upstream(service, port.number(), endpoints, resolution,
                                                tls, UpstreamSettings.loadBalancer(policy, notes)))))));
    }
}
