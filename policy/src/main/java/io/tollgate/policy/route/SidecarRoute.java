package io.tollgate.policy.route;

import java.util.List;

/**
 * Where a sidecar sends connections for one registered {@code host:port}: one or more weighted upstreams.
 *
 * @param origin the resource the route came from ({@code ns/name}), for logs
 */
public record SidecarRoute(HostPort destination, List<WeightedUpstream> upstreams, String origin) {
    public SidecarRoute {
        if (destination == null || origin == null) {
            throw new IllegalArgumentException("a sidecar route needs a destination and an origin");
        }
        upstreams = List.copyOf(upstreams);
        if (upstreams.isEmpty()) {
            throw new IllegalArgumentException("route for " + destination + " has no upstream");
        }
        if (totalWeight(upstreams) == 0) {
            throw new IllegalArgumentException("route for " + destination + " has only zero weights");
        }
    }

    /**
     * The upstream that a draw in {@code [0, totalWeight())} lands on; callers draw at random per connection.
     * Upstreams of weight 0 are never chosen.
     */
    public Upstream choose(int draw) {
        if (draw < 0 || draw >= totalWeight()) {
            throw new IllegalArgumentException("draw " + draw + " outside [0, " + totalWeight() + ")");
        }
        int remaining = draw;
        for (WeightedUpstream candidate : upstreams) {
            if (remaining < candidate.weight()) {
                return candidate.upstream();
            }
            remaining -= candidate.weight();
        }
        throw new IllegalStateException("weights changed under us");
    }

    public int totalWeight() {
        return totalWeight(upstreams);
    }

    private static int totalWeight(List<WeightedUpstream> upstreams) {
        return upstreams.stream().mapToInt(WeightedUpstream::weight).sum();
    }
}
