package io.tollgate.policy.route;

/**
 * One route of a gateway listener: connections whose SNI matches go to {@code target}.
 *
 * @param origin the resource the route came from ({@code ns/name} of the VirtualService), for logs
 */
public record GatewayRoute(SniMatch sni, RouteTarget target, String origin) {
    public GatewayRoute {
        if (sni == null || target == null || origin == null) {
            throw new IllegalArgumentException("a gateway route needs an SNI match, a target and an origin");
        }
    }
}
