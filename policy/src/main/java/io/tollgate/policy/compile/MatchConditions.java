package io.tollgate.policy.compile;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.networking.L4Match;
import io.tollgate.model.networking.TlsMatch;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.scope.GatewayRefs;
import io.tollgate.policy.scope.Proxy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The layer-4 conditions that {@code tcp[i].match[j]} and {@code tls[i].match[j]} share, judged at compile time for
 * one proxy: every condition that is set must hold. Conditions on addresses cannot be judged for a route keyed by
 * host name, so a match that has them matches nothing (and says so): a later rule may still apply, never a looser one.
 */
record MatchConditions(OptionalInt port, Map<String, String> sourceLabels, List<String> gateways,
                       Optional<String> sourceNamespace, List<String> destinationSubnets, Optional<String> sourceSubnet,
                       SourceLocation location) {

    static MatchConditions of(L4Match match) {
        return new MatchConditions(match.port(), match.sourceLabels(), match.gateways(), match.sourceNamespace(),
                match.destinationSubnets(), match.sourceSubnet(), match.location());
    }

    static MatchConditions of(TlsMatch match) {
        return new MatchConditions(match.port(), match.sourceLabels(), match.gateways(), match.sourceNamespace(),
                match.destinationSubnets(), Optional.empty(), match.location());
    }

    /** For a sidecar: bound to {@code mesh}, addressed to {@code port}, from this proxy's namespace and labels. */
    boolean appliesToSidecar(VirtualService vs, Proxy proxy, PortNumber destinationPort, RouteNotes notes, String field) {
        return GatewayRefs.forMatch(vs, gateways).contains(GatewayRefs.MESH)
                && portMatches(destinationPort)
                && proxy.hasLabels(sourceLabels)
                && sourceNamespace.map(proxy.namespace()::equals).orElse(true)
                && judgeable(vs, notes, field);
    }

    /**
     * For a gateway: bound to it and to the server's port. {@code sourceLabels} and {@code sourceNamespace} select
     * sidecars only (Istio's {@code l4SingleMatch} ignores them on gateways), so they are ignored here too.
     */
    boolean appliesToGateway(VirtualService vs, String gateway, PortNumber serverPort, RouteNotes notes, String field) {
        if (!GatewayRefs.forMatch(vs, gateways).contains(gateway) || !portMatches(serverPort)) {
            return false;
        }
        if (!sourceLabels.isEmpty() || sourceNamespace.isPresent()) {
            notes.note(vs, location, field, "sourceLabels and sourceNamespace apply to sidecars only; gateway "
                    + gateway + " ignores them, as Istio does");
        }
        return judgeable(vs, notes, field);
    }

    private boolean portMatches(PortNumber connectionPort) {
        return port.isEmpty() || port.getAsInt() == connectionPort.value();
    }

    private boolean judgeable(VirtualService vs, RouteNotes notes, String field) {
        if (destinationSubnets.isEmpty() && sourceSubnet.isEmpty()) {
            return true;
        }
        notes.warning(vs, location, field, "destinationSubnets and sourceSubnet are not supported by Tollgate, whose "
                + "routes are keyed by host name: this match matches nothing");
        return false;
    }
}
