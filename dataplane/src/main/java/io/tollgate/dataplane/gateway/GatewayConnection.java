package io.tollgate.dataplane.gateway;

import io.netty.util.AttributeKey;
import io.tollgate.dataplane.connection.ProxiedConnection;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ConnectionLabels;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.RouteTarget;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One connection accepted by a gateway: beside what every proxied connection records, the peer's identity, the
 * server name it asked for, the route target and the authorization verdict.
 *
 * <p>Threading: touched only on the connection's event loop (its upstream shares that loop), so plain fields.
 */
final class GatewayConnection extends ProxiedConnection {
    static final AttributeKey<GatewayConnection> KEY = AttributeKey.valueOf(GatewayConnection.class, "connection");

    final PortNumber serverPort;
    Optional<SpiffeId> peer = Optional.empty();
    Optional<String> serverName = Optional.empty();
    Optional<ConnectionFacts> facts = Optional.empty();
    Optional<RouteTarget> target = Optional.empty();
    Optional<Verdict> verdict = Optional.empty();

    GatewayConnection(long id, Instant start, InetSocketAddress source, InetSocketAddress local, PortNumber serverPort) {
        super(id, start, source, local);
        this.serverPort = serverPort;
    }

    /** Counted as opened once the peer is known (after the TLS handshake). */
    @Override
    public boolean counted() {
        return peer.isPresent();
    }

    @Override
    public ConnectionLabels labels() {
        return new ConnectionLabels(peer.map(SpiffeId::namespace).orElse(null), peer.map(SpiffeId::toString).orElse(null),
                target.map(RouteTarget::authority).orElse(null), flag().code());
    }

    @Override
    public AccessLogEntry toLogEntry(Instant end, String fallbackTermination) {
        return logEntry(end, fallbackTermination, peer.map(SpiffeId::toString), serverName,
                target.map(RouteTarget::authority), verdict.map(Verdict::label),
                verdict.flatMap(Verdict::policy).map(PolicyRef::toString));
    }
}
