package io.tollgate.dataplane.gateway;

import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.PortNumber;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * What a tunnel's handshake established, shared by all its streams: who is at the other end (and until when its
 * certificate vouches for that), and the connection's addresses and Gateway server port, which each stream
 * inherits as a connection of its own would have them.
 */
record TunnelPeer(SpiffeId peer, Instant validUntil, InetSocketAddress source, InetSocketAddress local,
                  PortNumber serverPort) {
}
