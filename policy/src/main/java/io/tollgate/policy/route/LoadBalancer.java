package io.tollgate.policy.route;

/** How a proxy picks one endpoint of an upstream, as a DestinationRule's {@code loadBalancer.simple} says. */
public enum LoadBalancer { ROUND_ROBIN, RANDOM, LEAST_REQUEST }
