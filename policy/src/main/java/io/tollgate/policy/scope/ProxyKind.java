package io.tollgate.policy.scope;

/** The two kinds of proxy: a workload's sidecar (routes bound to {@code mesh}), or a gateway (routes bound to it). */
public enum ProxyKind { SIDECAR, GATEWAY }
