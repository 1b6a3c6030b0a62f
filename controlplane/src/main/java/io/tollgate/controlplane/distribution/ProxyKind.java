package io.tollgate.controlplane.distribution;

/** The two roles a Tollgate proxy plays; the scope of its configuration depends on which. */
public enum ProxyKind {
    /** Beside a workload, capturing its outbound traffic; sees what its namespace can see. */
    SIDECAR,
    /** The egress gateway; sees what its {@code Gateway} resources select, and the policies attached to it. */
    GATEWAY
}
