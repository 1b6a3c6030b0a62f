package io.tollgate.policy.route;

import java.util.Map;
import java.util.Optional;

/**
 * The routing table of one sidecar: each registered {@code host:port} its namespace can see, and what to do with
 * everything else.
 *
 * @param version an opaque label of the configuration this table was compiled from, for logs
 */
public record SidecarRoutes(String version, Map<HostPort, SidecarRoute> routes, OutboundPolicy outboundPolicy) {
    public SidecarRoutes {
        if (version == null || outboundPolicy == null) {
            throw new IllegalArgumentException("version and outbound policy are required");
        }
        routes = Map.copyOf(routes);
        routes.forEach((key, route) -> {
            if (!key.equals(route.destination())) {
                throw new IllegalArgumentException("route for " + route.destination() + " is filed under " + key);
            }
        });
    }

    public static SidecarRoutes empty(OutboundPolicy outboundPolicy) {
        return new SidecarRoutes("empty", Map.of(), outboundPolicy);
    }

    public Optional<SidecarRoute> route(HostPort destination) {
        return Optional.ofNullable(routes.get(destination));
    }
}
