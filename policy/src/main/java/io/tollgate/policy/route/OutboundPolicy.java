package io.tollgate.policy.route;

/**
 * What a sidecar does with a destination no route knows, after MeshConfig's {@code outboundTrafficPolicy.mode}:
 * {@link #REGISTRY_ONLY} closes it at once (counted as a black-hole), {@link #ALLOW_ANY} passes it straight through.
 */
public enum OutboundPolicy { REGISTRY_ONLY, ALLOW_ANY }
