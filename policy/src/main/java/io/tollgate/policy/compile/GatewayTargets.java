package io.tollgate.policy.compile;

import io.tollgate.model.networking.ClientTls;
import io.tollgate.model.networking.Destination;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.RouteTarget;
import io.tollgate.policy.scope.DestinationRuleLookup;
import io.tollgate.policy.scope.ServiceHosts;

import java.util.List;
import java.util.Optional;

/**
 * Turns the destinations of a gateway route into the one {@link RouteTarget} the gateway dials: a host registered by
 * a ServiceEntry that the gateway's namespace can see, on one of its ports, with its endpoints and resolution.
 * Whatever a gateway cannot forward faithfully is a {@link Problem} and the route is left out: it never dials
 * anything the configuration does not name.
 */
final class GatewayTargets {
    private final ServiceRegistry registry;
    private final DestinationRuleLookup rules;
    private final RouteNotes notes;

    GatewayTargets(ServiceRegistry registry, DestinationRuleLookup rules, RouteNotes notes) {
        this.registry = registry;
        this.rules = rules;
        this.notes = notes;
    }

    /** @param field the rule's field path ({@code spec.tcp[1]}) */
    Outcome<RouteTarget> resolve(List<RouteDestination> destinations, VirtualService vs, PortNumber serverPort,
                                 Problem.Place rule, String field) {
        List<RouteDestination> used = destinations.size() == 1 ? destinations
                : destinations.stream().filter(d -> d.weight() > 0).toList();
        if (used.isEmpty()) {
            return Outcome.failed(rule.problem("every destination has weight 0"));
        }
        if (used.size() > 1) {
            return Outcome.failed(rule.problem("a gateway route sends to one destination; splitting connections over "
                    + used.size() + " weighted destinations is not supported at the gateway"));
        }
        Destination destination = used.getFirst().destination();
        String host = ServiceHosts.fqdn(destination.host(), vs.meta().namespace());
        Problem.Place at = new Problem.Place(vs, destination.location(),
                field + ".route[" + destinations.indexOf(used.getFirst()) + "].destination");
        if (host.contains("*")) {
            return Outcome.failed(at.problem("destination host " + host + " is a wildcard; a route needs one service"));
        }
        Optional<ServiceRegistry.Registered> registered = registry.find(host);
        if (registered.isEmpty()) {
            return Outcome.failed(at.problem("destination " + host + " is not registered by a ServiceEntry visible to "
                    + "namespace " + registry.namespace(), registry.unseen(host)));
        }
        return registry.port(registered.get(), destination.port(), serverPort, at)
                .then(port -> port.resolution().then(resolution -> target(port, resolution, destination, at)));
    }

    private Outcome<RouteTarget> target(ServicePort port, Resolution resolution, Destination destination, Problem.Place at) {
        if (resolution == Resolution.NONE) {
            return Outcome.failed(Problem.at(port.entry(), "spec.resolution", "resolution NONE means \"the address the "
                    + "client dialed\", which a gateway does not have: it cannot forward to " + port.host()
                    + " (use DNS or STATIC with endpoints)"));
        }
        port.port().protocol().filter(p -> p.isHttp()).ifPresent(p -> notes.note(port.entry(), port.port().location(),
                port.field(), "protocol " + p + " is carried as opaque TCP by the gateway"));
        Optional<String> namespace = Optional.of(port.entry().meta().namespace());
        return EffectiveTrafficPolicy.of(rules.find(port.host(), namespace), port.host(), destination.subset(), port.number(), at)
                .then(policy -> plainTcp(policy, port)
                        .then(ignored -> port.endpoints(policy.subsetLabels(), destination.subset().orElse(""), notes))
                        .then(endpoints -> {
                            try {
                                return Outcome.ok(new RouteTarget(Hostname.of(port.host()), port.number(), port.protocol(),
                                        resolution, endpoints));
                            } catch (IllegalArgumentException e) {
                                return Outcome.failed(at.problem(port.host() + " cannot be dialed: " + e.getMessage()));
                            }
                        }));
    }

    /** The gateway forwards the bytes it decrypted as they are; it does not originate TLS toward the destination. */
    private static Outcome<Boolean> plainTcp(EffectiveTrafficPolicy policy, ServicePort port) {
        if (policy.tls().isEmpty() || policy.tls().get().value().mode() == ClientTls.Mode.DISABLE) {
            return Outcome.ok(true);
        }
        EffectiveTrafficPolicy.Layer<ClientTls> tls = policy.tls().get();
        return Outcome.failed(new Problem.Place(tls.rule(), tls.value().location(), "trafficPolicy.tls").problem("TLS origination "
                + tls.value().mode() + " toward " + port.host() + ":" + port.number() + " is not supported at the "
                + "gateway, which forwards the bytes the client sent"));
    }
}
