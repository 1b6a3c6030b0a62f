package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.connection.EndpointAddress;
import io.tollgate.dataplane.connection.NoUpstream;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.IpLiteral;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.SidecarRoute;
import io.tollgate.policy.route.Upstream;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a route into one address to dial: a weighted draw among the route's upstreams (the VirtualService's
 * {@code weight}s), an endpoint by the upstream's load balancer, then its address by
 * {@link EndpointAddress}.
 */
final class UpstreamPicker {
    private final EndpointAddress addresses;
    private final LoadBalancing balancing = new LoadBalancing();

    UpstreamPicker(EndpointAddress addresses) {
        this.addresses = addresses;
    }

    /** The outcome: which upstream and endpoint, and the address to dial. */
    record Pick(Upstream upstream, Endpoint endpoint, InetSocketAddress address) {
    }

    /** Completes with a pick, or exceptionally with a {@link NoUpstream} saying why there is none (flag UH). */
    CompletableFuture<Pick> pick(SidecarRoute route, HostPort destination) {
        Upstream upstream = route.choose(ThreadLocalRandom.current().nextInt(route.totalWeight()));
        List<Endpoint> endpoints;
        if (upstream.resolution() == Resolution.NONE) {
            // NONE means "where the workload was going": only a captured address has one.
            if (!(destination.host() instanceof IpLiteral)) {
                return CompletableFuture.failedFuture(new NoUpstream(upstream.authority()
                        + " has resolution NONE, and a connection for " + destination + " has no original address to use"));
            }
            endpoints = List.of(new Endpoint(destination.host(), destination.port()));
        } else {
            endpoints = upstream.dialEndpoints();
        }
        Endpoint endpoint = balancing.choose(upstream, endpoints);
        return addresses.resolve(endpoint).thenApply(address -> new Pick(upstream, endpoint, address));
    }

    LoadBalancing balancing() {
        return balancing;
    }
}
