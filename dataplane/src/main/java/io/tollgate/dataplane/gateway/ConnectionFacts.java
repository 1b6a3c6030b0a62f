package io.tollgate.dataplane.gateway;

import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.PortNumber;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What the gateway knows about a connection when it authorizes it: after the TLS handshake, before any upstream
 * exists. These are the attributes Istio's TCP authorization reads on a gateway.
 *
 * @param peer               the client's SPIFFE ID ({@code source.principal}, {@code source.namespace})
 * @param source             the client's address ({@code source.ip})
 * @param destinationAddress the gateway address the connection arrived on ({@code destination.ip})
 * @param destinationPort    the Gateway server port it arrived on ({@code destination.port})
 * @param serverName         the TLS SNI ({@code connection.sni})
 */
public record ConnectionFacts(Optional<SpiffeId> peer, InetSocketAddress source, InetAddress destinationAddress,
                              PortNumber destinationPort, Optional<String> serverName) {
    public ConnectionFacts {
        if (peer == null || source == null || destinationAddress == null || destinationPort == null || serverName == null) {
            throw new IllegalArgumentException("connection facts must not contain nulls; use Optional.empty()");
        }
    }
}
