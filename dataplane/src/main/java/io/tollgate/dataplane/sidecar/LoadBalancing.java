package io.tollgate.dataplane.sidecar;

import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Upstream;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks one endpoint of an upstream as its DestinationRule's {@code loadBalancer.simple} says, and keeps the
 * state that needs: a turn counter per upstream (ROUND_ROBIN) and the open connections per endpoint
 * (LEAST_REQUEST, where a TCP proxy's "request" is a connection). LEAST_REQUEST compares two endpoints drawn at
 * random and takes the less busy, as Envoy does: nearly as good as scanning all, and no herd on one idle endpoint.
 *
 * <p>Thread-safe: event loops pick and release concurrently; each counter changes atomically.
 */
final class LoadBalancing {
    private final ConcurrentMap<Upstream, AtomicLong> turns = new ConcurrentHashMap<>();
    private final ConcurrentMap<Endpoint, Integer> open = new ConcurrentHashMap<>();

    Endpoint choose(Upstream upstream, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("upstream " + upstream.authority() + " has no endpoint to choose");
        }
        if (endpoints.size() == 1) {
            return endpoints.getFirst();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (upstream.loadBalancer()) {
            case ROUND_ROBIN -> endpoints.get((int) Math.floorMod(
                    turns.computeIfAbsent(upstream, u -> new AtomicLong()).getAndIncrement(), endpoints.size()));
            case RANDOM -> endpoints.get(random.nextInt(endpoints.size()));
            case LEAST_REQUEST -> {
                int first = random.nextInt(endpoints.size());
                int second = (first + 1 + random.nextInt(endpoints.size() - 1)) % endpoints.size();
                Endpoint a = endpoints.get(first);
                Endpoint b = endpoints.get(second);
                yield openTo(b) < openTo(a) ? b : a;
            }
        };
    }

    /** A connection to {@code endpoint} has started; pair with one {@link #closed}. */
    void opened(Endpoint endpoint) {
        open.merge(endpoint, 1, Integer::sum);
    }

    void closed(Endpoint endpoint) {
        open.computeIfPresent(endpoint, (e, count) -> count <= 1 ? null : count - 1);
    }

    int openTo(Endpoint endpoint) {
        return open.getOrDefault(endpoint, 0);
    }

    /** Forgets the turn counters of upstreams no route uses any more. */
    void retain(Collection<Upstream> live) {
        Set<Upstream> keep = Set.copyOf(live);
        turns.keySet().retainAll(keep);
    }
}
