package io.tollgate.dataplane.relay;

import io.tollgate.policy.route.Hostname;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a host name into addresses without blocking an event loop. Callers hop back to their event loop to use
 * the result.
 */
@FunctionalInterface
public interface HostResolver {

    /** Completes with at least one address, or exceptionally with an {@link UnknownHostException}. */
    CompletableFuture<List<InetAddress>> resolve(Hostname host);

    /**
     * The operating system's resolver, one virtual thread per lookup (the JDK call blocks). Answers are cached by
     * the JDK for {@code networkaddress.cache.ttl}, which the CLI may set.
     */
    static HostResolver system() {
        return host -> {
            CompletableFuture<List<InetAddress>> result = new CompletableFuture<>();
            Thread.ofVirtual().name("resolve-" + host).start(() -> {
                try {
                    result.complete(List.of(InetAddress.getAllByName(host.value())));
                } catch (UnknownHostException e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        };
    }

    /**
     * Fixed answers first (like curl's {@code --resolve HOST=IP}), then {@code fallback} for every other name.
     * A name in {@code pinned} is never looked up elsewhere, so a test host cannot leak to real DNS.
     */
    static HostResolver pinned(Map<Hostname, List<InetAddress>> pinned, HostResolver fallback) {
        Map<Hostname, List<InetAddress>> copy = Map.copyOf(pinned);
        return host -> {
            List<InetAddress> fixed = copy.get(host);
            return fixed != null ? CompletableFuture.completedFuture(List.copyOf(fixed)) : fallback.resolve(host);
        };
    }
}
