package io.tollgate.policy.route;

/** A route destination with its share of connections ({@code weight}, as in a VirtualService route). */
public record WeightedUpstream(int weight, Upstream upstream) {
    public WeightedUpstream {
        if (weight < 0) {
            throw new IllegalArgumentException("weight " + weight + " must not be negative");
        }
        if (upstream == null) {
            throw new IllegalArgumentException("upstream must not be null");
        }
    }
}
