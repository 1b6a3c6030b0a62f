package io.tollgate.policy.route;

import java.util.List;

/**
 * Where a gateway sends an accepted connection: the registered destination {@code host:port}, its protocol, and
 * how to find its addresses. With no endpoints listed, the destination's own host name is resolved.
 *
 * @param host       the destination service host, as registered by a ServiceEntry
 * @param port       the destination service port
 * @param protocol   the ServiceEntry port's protocol; decides how a refusal looks on the wire
 * @param resolution how endpoints become addresses
 * @param endpoints  the ServiceEntry endpoints, already mapped to the target port; may be empty
 */
public record RouteTarget(Hostname host, PortNumber port, Protocol protocol, Resolution resolution,
                          List<Endpoint> endpoints) {
    public RouteTarget {
        if (host == null || port == null || protocol == null || resolution == null) {
            throw new IllegalArgumentException("a route target needs host, port, protocol and resolution");
        }
        endpoints = List.copyOf(endpoints);
        if (resolution == Resolution.STATIC && endpoints.isEmpty()) {
            throw new IllegalArgumentException("target " + host + ":" + port + ": resolution STATIC needs endpoints");
        }
    }

    /** The endpoints to dial: the listed ones, or the destination itself when none are listed. */
    public List<Endpoint> dialEndpoints() {
        return endpoints.isEmpty() ? List.of(new Endpoint(host, port)) : endpoints;
    }

    /** {@code host:port}, the {@code destination_service} of metrics and logs. */
    public String authority() {
        return host + ":" + port;
    }
}
