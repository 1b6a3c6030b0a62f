package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ConnectionLabels;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.HostPort;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one outbound connection has learnt so far, filled in as it moves through the pipeline and written to the
 * access log and metrics once, when it closes. The source identity is the workload's own: a sidecar's outbound
 * metrics describe its workload as the source, as Istio's do.
 *
 * <p>Threading: touched only on the connection's event loop (its upstream shares that loop), so plain fields.
 */
final class SidecarConnection {
    /** Istio's {@code destination_service} for traffic to an unregistered address: one label, not one per address. */
    static final String BLACK_HOLE = "BlackHoleCluster";
    static final String PASS_THROUGH = "PassthroughCluster";

    final long id;
    final Instant start;
    final InetSocketAddress source;
    final SpiffeId workload;
    /** The listener address, or for a captured connection the address the workload dialled. */
    InetSocketAddress local;
    Optional<HostPort> destination = Optional.empty();
    /** The metrics label: the registered {@code host:port}, or one of the cluster names above. */
    String destinationService;
    Optional<InetSocketAddress> upstream = Optional.empty();
    /** The endpoint this connection counts against in load balancing, until it closes. */
    Optional<Endpoint> endpoint = Optional.empty();
    boolean opened;
    ResponseFlag flag = ResponseFlag.NONE;
    String termination;
    long bytesReceived;
    long bytesSent;

    SidecarConnection(long id, Instant start, InetSocketAddress source, InetSocketAddress local, SpiffeId workload) {
        this.id = id;
        this.start = start;
        this.source = source;
        this.local = local;
        this.workload = workload;
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

    /** The dialed address as {@code ip:port}, for messages. */
    String upstreamText() {
        return upstream.map(SidecarConnection::address).orElse("(none)");
    }

    ConnectionLabels labels() {
        return new ConnectionLabels(workload.namespace(), workload.toString(), destinationService, flag.code());
    }

    AccessLogEntry toLogEntry(Instant end, String fallbackTermination) {
        return new AccessLogEntry(id, start, Duration.between(start, end), address(source), address(local),
                Optional.of(workload.toString()), Optional.empty(), destination.map(HostPort::toString),
                upstream.map(SidecarConnection::address), bytesReceived, bytesSent, Optional.empty(), Optional.empty(),
                flag, termination == null ? fallbackTermination : termination);
    }

    private static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
