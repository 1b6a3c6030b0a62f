package io.tollgate.policy.route;

import java.util.List;

/**
 * One destination a sidecar route can send to, e.g. the egress gateway's port 13306 in the mTLS subset.
 *
 * @param service      the destination service host (for logs and metrics)
 * @param port         the destination service port
 * @param endpoints    addresses to dial; empty means resolve {@code service} itself
 * @param resolution   how endpoint hosts become addresses
 * @param tls          how to speak to it
 * @param loadBalancer how to pick among endpoints
 */
public record Upstream(Hostname service, PortNumber port, List<Endpoint> endpoints, Resolution resolution,
                       UpstreamTls tls, LoadBalancer loadBalancer) {
    public Upstream {
        if (service == null || port == null || resolution == null || tls == null || loadBalancer == null) {
            throw new IllegalArgumentException("an upstream needs service, port, resolution, tls and load balancer");
        }
        endpoints = List.copyOf(endpoints);
    }

    public List<Endpoint> dialEndpoints() {
        return endpoints.isEmpty() ? List.of(new Endpoint(service, port)) : endpoints;
    }

    public String authority() {
        return service + ":" + port;
    }
}
