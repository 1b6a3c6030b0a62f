package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.connection.ProxiedConnection;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ConnectionLabels;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.HostPort;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One outbound connection: beside what every proxied connection records, its destination, the metrics label for
 * it and the endpoint it holds in load balancing. The source identity is the workload's own: a sidecar's outbound
 * metrics describe its workload as the source, as Istio's do.
 *
 * <p>Threading: touched only on the connection's event loop (its upstream shares that loop), so plain fields.
 */
final class SidecarConnection extends ProxiedConnection {
    /** Istio's {@code destination_service} for traffic to an unregistered address: one label, not one per address. */
    static final String BLACK_HOLE = "BlackHoleCluster";
    static final String PASS_THROUGH = "PassthroughCluster";

    final SpiffeId workload;
    Optional<HostPort> destination = Optional.empty();
    /** The metrics label: the registered {@code host:port}, or one of the cluster names above. */
    String destinationService;
    /** The endpoint this connection counts against in load balancing, until it closes. */
    Optional<Endpoint> endpoint = Optional.empty();
    boolean opened;

    SidecarConnection(long id, Instant start, InetSocketAddress source, InetSocketAddress local, SpiffeId workload) {
        super(id, start, source, local);
        this.workload = workload;
    }

    @Override
    public boolean counted() {
        return opened;
    }

    /** The dialed address as {@code ip:port}, for messages. */
    String upstreamText() {
        return upstream().map(ProxiedConnection::address).orElse("(none)");
    }

    @Override
    public ConnectionLabels labels() {
        return new ConnectionLabels(workload.namespace(), workload.toString(), destinationService, flag().code());
    }

    @Override
    public AccessLogEntry toLogEntry(Instant end, String fallbackTermination) {
        return logEntry(end, fallbackTermination, Optional.of(workload.toString()), Optional.empty(),
                destination.map(HostPort::toString), Optional.empty(), Optional.empty());
    }
}
