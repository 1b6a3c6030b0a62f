package io.tollgate.policy.compile;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.TcpRoute;
import io.tollgate.model.networking.TlsMatch;
import io.tollgate.model.networking.TlsRoute;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.validation.Severity;
import io.tollgate.policy.route.GatewayListener;
import io.tollgate.policy.route.GatewayRoutes;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.RouteTarget;
import io.tollgate.policy.route.SniMatch;
import io.tollgate.policy.scope.DestinationRuleLookup;
import io.tollgate.policy.scope.Exports;
import io.tollgate.policy.scope.GatewayRefs;
import io.tollgate.policy.scope.Proxy;
import io.tollgate.policy.scope.ProxyKind;
import io.tollgate.policy.scope.Visibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles what one gateway proxy sees of a configuration into its {@link GatewayRoutes}, as istiod builds a
 * gateway's listeners: a listener per port of the Gateway servers that select it (mTLS only: see
 * {@link GatewayServers}); on it, the routes of the VirtualServices bound to those Gateways and exported to its
 * namespace whose hosts the server admits.
 *
 * <ul>
 * <li>{@code tcp} rules: as Istio does for a server that terminates TLS, the first VirtualService with a rule that
 *     applies takes every connection of the server, for the server's hosts as server names.</li>
 * <li>{@code tls} rules: routed by the SNI the client sent (the sidecar sends its DestinationRule's {@code sni}),
 *     narrowed to what the server admits; this is how two databases share one gateway port.</li>
 * </ul>
 * Every route or listener left out is a warning naming the resource and line. Stateless; any thread.
 */
public final class GatewayRouteCompiler {

    public GatewayCompilation compile(ResourceSet resources, Proxy proxy, String version) {
        if (proxy.kind() != ProxyKind.GATEWAY) {
            throw new IllegalArgumentException("not a gateway: " + proxy);
        }
        Visibility visibility = new Visibility(resources);
        RouteNotes notes = new RouteNotes();
        List<Gateway> gateways = visibility.gatewaysSelecting(proxy);
        if (gateways.isEmpty()) {
            notes.aboutProxy(proxy, Severity.WARNING, "no Gateway selects this proxy's labels: it has no listener");
        }
        unexported(resources, gateways, proxy, notes);
        GatewayTargets targets = new GatewayTargets(new ServiceRegistry(visibility, proxy.namespace()),
                new DestinationRuleLookup(visibility, proxy), notes);
        List<GatewayListener> listeners = new ArrayList<>();
        for (Map.Entry<PortNumber, List<GatewayServers.Bound>> port : GatewayServers.byPort(gateways, notes).entrySet()) {
            ListenerRoutes routes = new ListenerRoutes(port.getKey(), notes);
            for (GatewayServers.Bound server : port.getValue()) {
                route(server, visibility.virtualServicesBoundTo(GatewayRefs.qualified(server.gateway()), proxy.namespace()),
                        targets, routes, notes);
            }
            GatewayListener listener = routes.listener();
            if (listener.routes().isEmpty()) {
                GatewayServers.Bound first = port.getValue().getFirst();
                notes.warning(first.gateway(), first.server().location(), first.field(), "no VirtualService routes port "
                        + port.getKey() + " of this gateway: it refuses every connection there");
            }
            listeners.add(listener);
        }
        return new GatewayCompilation(GatewayRoutes.of(version, listeners), notes.list());
    }

    private static void route(GatewayServers.Bound server, List<VirtualService> bound, GatewayTargets targets,
                              ListenerRoutes routes, RouteNotes notes) {
        String gateway = GatewayRefs.qualified(server.gateway());
        Optional<VirtualService> tcpOwner = Optional.empty();
        for (VirtualService vs : bound) {
            if (server.hosts().stream().noneMatch(h -> h.binds(vs, server.gateway()))) {
                notes.note(vs, vs.meta().location(), "spec.hosts", "bound to " + gateway + " but not applied to its "
                        + server.field() + " (port " + server.port() + ", hosts " + server.server().hosts()
                        + "): no host in common that the server admits from namespace " + vs.meta().namespace());
                continue;
            }
            tlsRules(server, vs, targets, routes, notes);
            for (int i = 0; i < vs.tcp().size(); i++) {
                String field = "spec.tcp[" + i + "]";
                if (!applies(vs.tcp().get(i), vs, gateway, server.port(), notes, field)) {
                    continue;
                }
                if (tcpOwner.isPresent()) {
                    notes.warning(vs, vs.tcp().get(i).location(), field, "never used on " + gateway + " port "
                            + server.port() + ": the server's connections all follow the first tcp rule that applies, "
                            + "from " + tcpOwner.get().meta().qualifiedName()
                            + " (use tls rules with sniHosts to route by server name)");
                } else {
                    tcpOwner = Optional.of(vs);
                    tcpRule(server, vs, vs.tcp().get(i), field, targets, routes, notes);
                }
                break;
            }
        }
    }

    private static boolean applies(TcpRoute rule, VirtualService vs, String gateway, PortNumber port, RouteNotes notes,
                                   String field) {
        if (rule.match().isEmpty()) {
            return GatewayRefs.topLevel(vs).contains(gateway);
        }
        for (int j = 0; j < rule.match().size(); j++) {
            String matchField = field + ".match[" + j + "]";
            if (MatchConditions.of(rule.match().get(j)).appliesToGateway(vs, gateway, port, notes, matchField)) {
                return true;
            }
        }
        return false;
    }

    private static void tcpRule(GatewayServers.Bound server, VirtualService vs, TcpRoute rule, String field,
                                GatewayTargets targets, ListenerRoutes routes, RouteNotes notes) {
        Problem.Place at = new Problem.Place(vs, rule.location(), field);
        Optional<RouteTarget> target = followed(targets.resolve(rule.route(), vs, server.port(), at, field), notes);
        if (target.isEmpty()) {
            return;
        }
        Set<SniMatch> names = new LinkedHashSet<>();
        server.hosts().forEach(h -> h.sni().ifPresent(names::add));
        // A server that admits any name needs no narrower route for the same connections.
        Set<SniMatch> used = names.contains(new SniMatch.Any()) ? Set.of(new SniMatch.Any()) : names;
        used.forEach(sni -> routes.add(sni, target.get(), vs, rule.location(), field));
    }

    private static void tlsRules(GatewayServers.Bound server, VirtualService vs, GatewayTargets targets,
                                 ListenerRoutes routes, RouteNotes notes) {
        for (int i = 0; i < vs.tls().size(); i++) {
            tlsRule(server, vs, vs.tls().get(i), "spec.tls[" + i + "]", targets, routes, notes);
        }
    }

    /** Every match of the rule that applies adds a route per SNI host, narrowed to what each server host admits. */
    private static void tlsRule(GatewayServers.Bound server, VirtualService vs, TlsRoute rule, String field,
                                GatewayTargets targets, ListenerRoutes routes, RouteNotes notes) {
        String gateway = GatewayRefs.qualified(server.gateway());
        Optional<RouteTarget> target = Optional.empty();
        for (int j = 0; j < rule.match().size(); j++) {
            TlsMatch match = rule.match().get(j);
            String matchField = field + ".match[" + j + "]";
            if (!MatchConditions.of(match).appliesToGateway(vs, gateway, server.port(), notes, matchField)) {
                continue;
            }
            if (target.isEmpty()) {
                Problem.Place at = new Problem.Place(vs, rule.location(), field);
                target = followed(targets.resolve(rule.route(), vs, server.port(), at, field), notes);
                if (target.isEmpty()) {
                    return;
                }
            }
            for (String sni : match.sniHosts()) {
                for (ServerHost host : server.hosts()) {
                    Optional<SniMatch> narrowed = host.admits(vs, server.gateway()) ? host.narrow(sni) : Optional.empty();
                    if (narrowed.isPresent()) {
                        routes.add(narrowed.get(), target.get(), vs, match.location(), matchField);
                    }
                }
            }
        }
    }

    private static Optional<RouteTarget> followed(Outcome<RouteTarget> target, RouteNotes notes) {
        return switch (target) {
            case Outcome.Ok<RouteTarget> ok -> Optional.of(ok.value());
            case Outcome.Failed<RouteTarget> failed -> {
                notes.add(failed.problem(), "; the route is left out");
                yield Optional.empty();
            }
        };
    }

    /** A VirtualService that names a selected Gateway but is not exported to the gateway's namespace is not applied. */
    private static void unexported(ResourceSet resources, List<Gateway> gateways, Proxy proxy, RouteNotes notes) {
        for (VirtualService vs : resources.virtualServices()) {
            if (Exports.visible(vs.meta().namespace(), vs.exportTo(), proxy.namespace())) {
                continue;
            }
            for (Gateway gateway : gateways) {
                if (GatewayRefs.binds(vs, GatewayRefs.qualified(gateway))) {
                    notes.warning(vs, vs.meta().location(), "spec.exportTo", "names gateway " + GatewayRefs.qualified(gateway)
                            + " but its " + Exports.describe(vs.exportTo()) + " does not reach the gateway's namespace "
                            + proxy.namespace() + ": its routes are not applied there");
                }
            }
        }
    }
}
