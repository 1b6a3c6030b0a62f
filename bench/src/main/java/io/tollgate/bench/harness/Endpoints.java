package io.tollgate.bench.harness;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a client enters an arm for each upstream. {@code mysqlFullHandshake} is an entry whose mTLS hop never
 * resumes a TLS session (empty when the arm cannot be told not to); {@code mysql} is the arm as it would be
 * deployed, resuming where it can. {@code gateway} is the mTLS port for the identity guard (empty without one).
 */
record Endpoints(InetSocketAddress echo, InetSocketAddress iperf, InetSocketAddress mysql,
                 Optional<InetSocketAddress> mysqlFullHandshake, Optional<GatewayDoor> gateway) {
}
