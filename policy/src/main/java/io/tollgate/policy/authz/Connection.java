package io.tollgate.policy.authz;

import java.util.Objects;

/**
 * The attributes of one TCP connection that an AuthorizationPolicy can test, with Envoy's meaning for each.
 *
 * @param peer            the client's verified identity, or plaintext
 * @param sourceIp        the socket peer address ({@code ipBlocks}, {@code source.ip}; Envoy {@code direct_remote_ip})
 * @param remoteIp        the original client address ({@code remoteIpBlocks}, {@code remote.ip}); the same as
 *                        {@code sourceIp} unless a proxy protocol header said otherwise
 * @param destinationIp   the address the client connected to, before any redirect ({@code destination.ip})
 * @param destinationPort the port the client connected to ({@code ports}, {@code destination.port})
 * @param serverName      the TLS SNI the client sent, empty when it sent none ({@code connection.sni})
 */
public record Connection(Peer peer, IpAddress sourceIp, IpAddress remoteIp, IpAddress destinationIp,
                         int destinationPort, String serverName) {
    public Connection {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(remoteIp, "remoteIp");
        Objects.requireNonNull(destinationIp, "destinationIp");
        Objects.requireNonNull(serverName, "serverName");
        if (destinationPort < 0 || destinationPort > 65535) {
            throw new IllegalArgumentException("destination port " + destinationPort + " is outside 0..65535");
        }
    }

    /** A connection whose remote address is its socket peer address (no proxy protocol). */
    public static Connection of(Peer peer, IpAddress sourceIp, IpAddress destinationIp, int destinationPort,
                                String serverName) {
        return new Connection(peer, sourceIp, sourceIp, destinationIp, destinationPort, serverName);
    }

    @Override
    public String toString() {
        return "peer=" + peer + " source=" + sourceIp + (remoteIp.equals(sourceIp) ? "" : " remote=" + remoteIp)
                + " destination=" + destinationIp + ":" + destinationPort
                + (serverName.isEmpty() ? "" : " sni=" + serverName);
    }
}
