package io.tollgate.bench.harness;

/** What an arm needs to start its proxies for a round; {@code maxConnections} sizes proxy connection limits. */
record ArmContext(RunDirectory dir, Pki pki, Upstreams upstreams, Tools tools, int maxConnections, int round) {
}
