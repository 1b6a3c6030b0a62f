package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.IpLiteral;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.RouteTarget;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the address to dial for a route target: one endpoint at random (connections spread evenly over time),
 * then, for a host name, one of its resolved addresses at random (DNS round robin's effect).
 */
final class UpstreamAddress {
    private final HostResolver resolver;

    UpstreamAddress(HostResolver resolver) {
        this.resolver = resolver;
    }

    /** Completes with an address, or exceptionally with a {@link NoUpstream} saying why there is none. */
    CompletableFuture<InetSocketAddress> choose(RouteTarget target) {
        if (target.resolution() == Resolution.NONE) {
            return CompletableFuture.failedFuture(new NoUpstream(target.authority()
                    + " has resolution NONE: a gateway has no original destination to forward to"));
        }
        List<Endpoint> endpoints = target.dialEndpoints();
        Endpoint endpoint = endpoints.get(ThreadLocalRandom.current().nextInt(endpoints.size()));
        return switch (endpoint.host()) {
            case IpLiteral ip -> CompletableFuture.completedFuture(new InetSocketAddress(ip.address(), endpoint.port().value()));
            case Hostname name -> resolver.resolve(name).handle((addresses, failure) -> {
                if (failure != null || addresses.isEmpty()) {
                    throw new NoUpstream("cannot resolve " + name + ": "
                            + (failure == null ? "no addresses" : rootMessage(failure)));
                }
                InetAddress chosen = addresses.get(ThreadLocalRandom.current().nextInt(addresses.size()));
                return new InetSocketAddress(chosen, endpoint.port().value());
            });
        };
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** There is no address to dial: the response flag is UH. */
    static final class NoUpstream extends RuntimeException {
        NoUpstream(String message) {
            super(message, null, false, false);
        }
    }
}
