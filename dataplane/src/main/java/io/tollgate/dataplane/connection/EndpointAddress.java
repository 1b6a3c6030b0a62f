package io.tollgate.dataplane.connection;

import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.IpLiteral;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns one chosen endpoint into the address to dial: an IP as it is, a host name resolved and one of its
 * addresses taken at random (DNS round robin's effect). Choosing the endpoint is the caller's: the gateway and the
 * sidecar choose differently.
 */
public final class EndpointAddress {
    private final HostResolver resolver;

    public EndpointAddress(HostResolver resolver) {
        this.resolver = resolver;
    }

    /** Completes with an address, or exceptionally with a {@link NoUpstream} saying why there is none. */
    public CompletableFuture<InetSocketAddress> resolve(Endpoint endpoint) {
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
}
