package io.tollgate.policy.compile;

import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.PortNumber;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A service inside the mesh that routes may send to, with where each of its ports is served: what a Kubernetes
 * Service and its endpoints would tell istiod. In a local mesh, the egress gateway's service
 * {@code istio-egressgateway.istio-system.svc.cluster.local} port 13306 is the gateway process on 127.0.0.1.
 *
 * @param ports each service port, with the endpoints (address and port) that serve it
 */
public record MeshService(Hostname host, Map<PortNumber, List<Endpoint>> ports) {
    public MeshService {
        if (host == null) {
            throw new IllegalArgumentException("a mesh service needs a host");
        }
        Map<PortNumber, List<Endpoint>> copy = new TreeMap<>();
        ports.forEach((port, endpoints) -> {
            if (endpoints.isEmpty()) {
                throw new IllegalArgumentException("mesh service " + host + " port " + port + " has no endpoint");
            }
            copy.put(port, List.copyOf(endpoints));
        });
        ports = Map.copyOf(copy);
    }

    /**
     * Reads {@code HOST:PORT=ADDRESS:PORT[,ADDRESS:PORT...]}, e.g.
     * {@code istio-egressgateway.istio-system.svc.cluster.local:13306=127.0.0.1:13306}; throws
     * {@link IllegalArgumentException} naming what is wrong.
     */
    public static MeshService parse(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + text + "': expected HOST:PORT=ADDRESS:PORT[,ADDRESS:PORT...]");
        }
        HostPort service = hostPort(text.substring(0, equals), text);
        if (!(service.host() instanceof Hostname name)) {
            throw new IllegalArgumentException("'" + text + "': a mesh service is named by a host name, not an address");
        }
        List<Endpoint> endpoints = java.util.Arrays.stream(text.substring(equals + 1).split(",", -1))
                .map(e -> hostPort(e, text)).map(hp -> new Endpoint(hp.host(), hp.port())).toList();
        return new MeshService(name, Map.of(service.port(), endpoints));
    }

    public Optional<List<Endpoint>> endpoints(PortNumber port) {
        return Optional.ofNullable(ports.get(port));
    }

    /** The service's one port, when it has exactly one (a route may then leave the port out). */
    public Optional<PortNumber> onlyPort() {
        return ports.size() == 1 ? Optional.of(ports.keySet().iterator().next()) : Optional.empty();
    }

    /** Two descriptions of the same service: the ports of both. */
    MeshService merge(MeshService other) {
        Map<PortNumber, List<Endpoint>> merged = new TreeMap<>(ports);
        other.ports.forEach((port, endpoints) -> merged.merge(port, endpoints, (a, b) -> {
            throw new IllegalArgumentException("mesh service " + host + " port " + port + " is given twice");
        }));
        return new MeshService(host, merged);
    }

    private static HostPort hostPort(String part, String whole) {
        int colon = part.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + whole + "': '" + part + "' is not HOST:PORT");
        }
        try {
            return HostPort.of(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "': '" + part.substring(colon + 1) + "' is not a port number", e);
        }
    }
}
