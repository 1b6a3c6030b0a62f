package io.tollgate.dataplane.gateway;

import io.tollgate.policy.route.GatewayRoutes;

/**
 * One consistent configuration of the gateway: routes and authorization swapped together, so a connection never
 * sees new routes with an old policy. Each connection reads it once, when it is accepted.
 */
public record GatewayConfig(GatewayRoutes routes, ConnectionAuthorizer authorizer) {
    public GatewayConfig {
        if (routes == null || authorizer == null) {
            throw new IllegalArgumentException("a gateway configuration needs routes and an authorizer");
        }
    }
}
