package io.tollgate.dataplane.tunnel;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which connections may share a tunnel: those to the same gateway address that would present the same SNI and
 * accept the same server identities. Streams of one tunnel are all judged by its one handshake.
 *
 * @param subjectAltNames the SPIFFE IDs the route accepts for the server; empty: any mesh identity
 */
public record TunnelKey(InetSocketAddress address, Optional<String> serverName, List<String> subjectAltNames) {
    public TunnelKey {
        if (address == null || serverName == null || subjectAltNames == null) {
            throw new IllegalArgumentException("a tunnel key needs an address, a server name (or none) and SANs (or none)");
        }
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
