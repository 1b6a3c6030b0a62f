package io.tollgate.bench.harness;

import java.net.InetSocketAddress;

/**
 * An upstream service of the benchmark: the host name the mesh knows it by (the SNI on the mTLS hop, the
 * ServiceEntry host for Tollgate) and where it really listens on loopback.
 */
record Destination(String host, InetSocketAddress address) {
}
