package io.tollgate.policy.compile;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.TcpRoute;
import io.tollgate.model.networking.TlsMatch;
import io.tollgate.model.networking.TlsRoute;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.scope.GatewayRefs;
import io.tollgate.policy.scope.Proxy;
import io.tollgate.policy.scope.ServiceHosts;

import java.util.List;
import java.util.Optional;

/**
 * Picks the rule of a VirtualService that a sidecar applies to its connections to one {@code host:port}: {@code tls}
 * rules first, then {@code tcp} rules, each in order, the first whose match applies winning (a rule without
 * matches applies to every connection of the gateways the VirtualService binds to).
 *
 * <p>A sidecar routes by destination, not by ClientHello, so a {@code tls} rule is taken to apply when one of its
 * {@code sniHosts} covers the destination host: the server name a client sends to {@code host:port} is
 * {@code host}. That holds only where the client speaks TLS, on a TLS or HTTPS port; elsewhere (a MySQL client
 * speaks second and sends no ClientHello, so Istio's SNI filter chains never match it) {@code tls} rules are
 * passed over, with a note.
 */
final class MeshRuleSelection {
    private MeshRuleSelection() {
    }

    /** The destinations of the chosen rule, and where it is written. */
    record Selected(List<RouteDestination> destinations, String field, SourceLocation location) {
    }

    static Optional<Selected> select(VirtualService vs, ServicePort destination, Proxy proxy, RouteNotes notes) {
        String host = destination.host();
        PortNumber port = destination.number();
        for (int i = 0; destination.protocol() == Protocol.TLS && i < vs.tls().size(); i++) {
            TlsRoute rule = vs.tls().get(i);
            for (int j = 0; j < rule.match().size(); j++) {
                TlsMatch match = rule.match().get(j);
                String field = "spec.tls[" + i + "].match[" + j + "]";
                if (match.sniHosts().stream().anyMatch(sni -> ServiceHosts.covers(sni.toLowerCase(), host))
                        && MatchConditions.of(match).appliesToSidecar(vs, proxy, port, notes, field)) {
                    return Optional.of(new Selected(rule.route(), "spec.tls[" + i + "]", rule.location()));
                }
            }
        }
        if (destination.protocol() != Protocol.TLS && !vs.tls().isEmpty()) {
            passedOver(vs, destination, notes);
        }
        for (int i = 0; i < vs.tcp().size(); i++) {
            TcpRoute rule = vs.tcp().get(i);
            String field = "spec.tcp[" + i + "]";
            if (rule.match().isEmpty() && GatewayRefs.topLevel(vs).contains(GatewayRefs.MESH)) {
                return Optional.of(new Selected(rule.route(), field, rule.location()));
            }
            for (int j = 0; j < rule.match().size(); j++) {
                if (MatchConditions.of(rule.match().get(j)).appliesToSidecar(vs, proxy, port, notes, field + ".match[" + j + "]")) {
                    return Optional.of(new Selected(rule.route(), field, rule.location()));
                }
            }
        }
        return Optional.empty();
    }

    private static void passedOver(VirtualService vs, ServicePort destination, RouteNotes notes) {
        for (int i = 0; i < vs.tls().size(); i++) {
            for (TlsMatch match : vs.tls().get(i).match()) {
                if (match.sniHosts().stream().anyMatch(sni -> ServiceHosts.covers(sni.toLowerCase(), destination.host()))
                        && GatewayRefs.forMatch(vs, match.gateways()).contains(GatewayRefs.MESH)) {
                    notes.note(vs, vs.tls().get(i).location(), "spec.tls[" + i + "]", "not applied to "
                            + destination.host() + ":" + destination.number() + ", a " + destination.port().protocol()
                            .map(Enum::name).orElse("TCP") + " port: its clients send no TLS server name to match");
                    break;
                }
            }
        }
    }
}
