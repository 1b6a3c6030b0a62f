package io.tollgate.cli.local;

import java.util.Map;
import java.util.Objects;

/**
 * The egress gateway workload of a local mesh: the identity and labels its Gateway and AuthorizationPolicy
 * selectors match, and the in-mesh service name sidecars route to (a Kubernetes Service in Istio).
 *
 * @param identity its namespace, service account and labels
 * @param service  e.g. {@code istio-egressgateway.istio-system.svc.cluster.local}
 */
public record GatewayWorkload(PodIdentity identity, String service) {
    /** Istio's default egress gateway, as the walk-through's resources name it. */
    public static final GatewayWorkload ISTIO_DEFAULT = new GatewayWorkload(
            new PodIdentity("istio-system", "istio-egressgateway-service-account", Map.of("istio", "egressgateway")),
            "istio-egressgateway.istio-system.svc.cluster.local");

    public GatewayWorkload {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(service, "service");
    }
}
