package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.connection.EndpointAddress;
import io.tollgate.dataplane.connection.NoUpstream;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.RouteTarget;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the address to dial for a route target: one endpoint at random (connections spread evenly over time),
 * then its address by {@link EndpointAddress}.
 */
final class UpstreamAddress {
    private final EndpointAddress addresses;

    UpstreamAddress(EndpointAddress addresses) {
        this.addresses = addresses;
    }

    /** Completes with an address, or exceptionally with a {@link NoUpstream} saying why there is none. */
    CompletableFuture<InetSocketAddress> choose(RouteTarget target) {
        if (target.resolution() == Resolution.NONE) {
            return CompletableFuture.failedFuture(new NoUpstream(target.authority()
                    + " has resolution NONE: a gateway has no original destination to forward to"));
        }
        List<Endpoint> endpoints = target.dialEndpoints();
        return addresses.resolve(endpoints.get(ThreadLocalRandom.current().nextInt(endpoints.size())));
    }
}
