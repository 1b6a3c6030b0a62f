package io.tollgate.dataplane.gateway;

import io.netty.util.AttributeKey;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ConnectionLabels;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.RouteTarget;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one accepted connection has learnt so far, filled in as it moves through the pipeline and written to the
 * access log and metrics once, when it closes.
 *
 * <p>Threading: touched only on the connection's event loop (its upstream shares that loop), so plain fields.
 */
final class GatewayConnection {
    static final AttributeKey<GatewayConnection> KEY = AttributeKey.valueOf(GatewayConnection.class, "connection");

    final long id;
    final Instant start;
    final InetSocketAddress source;
    final InetSocketAddress local;
    final PortNumber serverPort;
    Optional<SpiffeId> peer = Optional.empty();
    Optional<String> serverName = Optional.empty();
    Optional<ConnectionFacts> facts = Optional.empty();
    Optional<RouteTarget> target = Optional.empty();
    Optional<Verdict> verdict = Optional.empty();
    Optional<InetSocketAddress> upstream = Optional.empty();
    ResponseFlag flag = ResponseFlag.NONE;
    String termination;
    long bytesReceived;
    long bytesSent;

    GatewayConnection(long id, Instant start, InetSocketAddress source, InetSocketAddress local, PortNumber serverPort) {
        this.id = id;
        this.start = start;
        this.source = source;
        this.local = local;
        this.serverPort = serverPort;
    }

    /** Records the first reason the connection ends; later ones are consequences of it. */
    void end(ResponseFlag flag, String why) {
        if (termination == null) {
            this.flag = flag;
            this.termination = why;
        }
    }

    void addReceived(long bytes) {
        bytesReceived += bytes;
    }

    void addSent(long bytes) {
        bytesSent += bytes;
    }

    ConnectionLabels labels() {
        return new ConnectionLabels(peer.map(SpiffeId::namespace).orElse(null), peer.map(SpiffeId::toString).orElse(null),
                target.map(RouteTarget::authority).orElse(null), flag.code());
    }

    AccessLogEntry toLogEntry(Instant end, String fallbackTermination) {
        return new AccessLogEntry(id, start, Duration.between(start, end), address(source), address(local),
                peer.map(SpiffeId::toString), serverName, target.map(RouteTarget::authority),
                upstream.map(GatewayConnection::address), bytesReceived, bytesSent,
                verdict.map(Verdict::label), verdict.flatMap(Verdict::policy).map(PolicyRef::toString), flag,
                termination == null ? fallbackTermination : termination);
    }

    private static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
