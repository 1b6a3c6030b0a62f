package io.tollgate.policy.scope;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.Destination;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.L4Match;
import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.Protocol;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.Server;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.TcpRoute;
import io.tollgate.model.networking.TrafficPolicy;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.WorkloadSelector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Test support: model records written as short literals; none was read from a file. */
final class Literals {
    private static final SourceLocation LITERAL = new SourceLocation("literal", 1);

    private Literals() {
    }

    static SourceLocation at() {
        return LITERAL;
    }

    static ObjectMeta meta(String namespace, String name) {
        return new ObjectMeta(name, namespace, Map.of(), Map.of(), at());
    }

    static ServiceEntry serviceEntry(String namespace, String name, String host, List<String> exportTo) {
        return new ServiceEntry(meta(namespace, name), List.of(host), List.of(),
                List.of(new Port(3306, Optional.of(Protocol.TCP), "tcp", OptionalInt.empty(), at())),
                ServiceEntry.Location.MESH_EXTERNAL, ServiceEntry.Resolution.DNS, List.of(), Optional.empty(), exportTo, List.of());
    }

    static VirtualService virtualService(String namespace, String name, String host, List<String> gateways,
                                         List<String> exportTo, String destination) {
        TcpRoute route = new TcpRoute(List.of(), List.of(new RouteDestination(
                new Destination(destination, Optional.empty(), OptionalInt.empty(), at()), 0, at())), at());
        return new VirtualService(meta(namespace, name), List.of(host), gateways, List.of(), List.of(), List.of(route), exportTo);
    }

    /** A VirtualService whose only rule names {@code gateway} in its match, not at the top level. */
    static VirtualService matchBound(String namespace, String name, String host, String gateway) {
        L4Match match = new L4Match(List.of(), OptionalInt.empty(), Map.of(), List.of(gateway), Optional.empty(), Optional.empty(), at());
        TcpRoute route = new TcpRoute(List.of(match), List.of(new RouteDestination(
                new Destination(host, Optional.empty(), OptionalInt.empty(), at()), 0, at())), at());
        return new VirtualService(meta(namespace, name), List.of(host), List.of(), List.of(), List.of(), List.of(route), List.of());
    }

    static DestinationRule destinationRule(String namespace, String name, String host, List<String> exportTo) {
        return new DestinationRule(meta(namespace, name), host, Optional.empty(), List.of(), exportTo, Optional.empty());
    }

    static DestinationRule destinationRule(String namespace, String name, String host, Map<String, String> selector) {
        return new DestinationRule(meta(namespace, name), host, Optional.<TrafficPolicy>empty(), List.of(), List.of("."),
                Optional.of(new WorkloadSelector(selector)));
    }

    static Gateway gateway(String namespace, String name, Map<String, String> selector) {
        Server server = new Server(new Port(15443, Optional.of(Protocol.TLS), "tls", OptionalInt.empty(), at()),
                List.of("*"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at());
        return new Gateway(meta(namespace, name), selector, List.of(server));
    }

    static AuthorizationPolicy policy(String namespace, String name, Optional<Map<String, String>> selector) {
        return new AuthorizationPolicy(meta(namespace, name), selector.map(WorkloadSelector::new), List.of(),
                AuthorizationPolicy.Action.DENY, List.of());
    }

    static ResourceSet set(List<ServiceEntry> entries, List<Gateway> gateways, List<DestinationRule> rules,
                           List<VirtualService> services, List<AuthorizationPolicy> policies) {
        return new ResourceSet(MeshConfig.DEFAULT, List.of(), entries, gateways, rules, services, policies);
    }
}
