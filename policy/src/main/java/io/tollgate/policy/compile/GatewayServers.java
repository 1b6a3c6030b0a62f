package io.tollgate.policy.compile;

import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.Protocol;
import io.tollgate.model.networking.Server;
import io.tollgate.model.networking.ServerTls;
import io.tollgate.policy.route.PortNumber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The servers of the Gateways that select a gateway proxy, grouped by port (servers on one port share its listener).
 * Tollgate's gateway terminates Istio mTLS and nothing else, so that every connection has a verified identity for
 * the AuthorizationPolicy: a server with any other TLS mode, or plain TCP, or HTTP, gets no listener, with a warning.
 */
final class GatewayServers {
    private GatewayServers() {
    }

    /** One supported server of one Gateway. */
    record Bound(Gateway gateway, int index, Server server) {
        String field() {
            return "spec.servers[" + index + "]";
        }

        PortNumber port() {
            return PortNumber.of(server.port().number());
        }

        List<ServerHost> hosts() {
            return server.hosts().stream().map(ServerHost::parse).toList();
        }
    }

    static Map<PortNumber, List<Bound>> byPort(List<Gateway> gateways, RouteNotes notes) {
        Map<PortNumber, List<Bound>> out = new LinkedHashMap<>();
        for (Gateway gateway : gateways) {
            for (int i = 0; i < gateway.servers().size(); i++) {
                Bound bound = new Bound(gateway, i, gateway.servers().get(i));
                Optional<String> unsupported = unsupported(bound.server());
                if (unsupported.isPresent()) {
                    notes.warning(gateway, bound.server().location(), bound.field(), unsupported.get()
                            + "; port " + bound.server().port().number() + " gets no listener from this server");
                    continue;
                }
                bound.server().bind().ifPresent(address -> notes.note(gateway, bound.server().location(),
                        bound.field() + ".bind", "bind " + address + " is not applied: the gateway listens on the "
                                + "addresses it is started with"));
                out.computeIfAbsent(bound.port(), p -> new ArrayList<>()).add(bound);
            }
        }
        return out;
    }

    private static Optional<String> unsupported(Server server) {
        Optional<Protocol> protocol = server.port().protocol();
        if (protocol.isEmpty() || !(protocol.get().isTcp() || protocol.get().isTls())) {
            return Optional.of("protocol " + protocol.map(Enum::name).orElse("(none)")
                    + " is not supported: Tollgate's gateway carries TCP and TLS only");
        }
        if (server.tls().isEmpty()) {
            return Optional.of(protocol.get().isTls()
                    ? "TLS without tls settings is PASSTHROUGH, which is not supported: Tollgate's gateway terminates "
                    + "Istio mTLS (tls.mode ISTIO_MUTUAL) only, to know who connects"
                    : "plain " + protocol.get() + " is not supported: Tollgate's gateway accepts Istio mTLS "
                    + "(tls.mode ISTIO_MUTUAL) only, to know who connects");
        }
        ServerTls.Mode mode = server.tls().get().mode();
        if (mode != ServerTls.Mode.ISTIO_MUTUAL) {
            return Optional.of("tls.mode " + mode + " is not supported: Tollgate's gateway terminates Istio mTLS "
                    + "(ISTIO_MUTUAL) only, to know who connects");
        }
        return Optional.empty();
    }
}
