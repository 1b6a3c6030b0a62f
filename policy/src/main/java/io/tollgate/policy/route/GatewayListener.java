package io.tollgate.policy.route;

import java.util.List;
import java.util.Optional;

/**
 * One port a gateway accepts mTLS on, with its routes in match order. Routes are tried in order and the first
 * match wins; the compiler puts exact SNI names before wildcards before port-only routes.
 */
public record GatewayListener(PortNumber port, List<GatewayRoute> routes) {
    public GatewayListener {
        if (port == null) {
            throw new IllegalArgumentException("a gateway listener needs a port");
        }
        routes = List.copyOf(routes);
    }

    public Optional<GatewayRoute> route(Optional<Hostname> sni) {
        for (GatewayRoute route : routes) {
            if (route.sni().matches(sni)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
