package io.tollgate.dataplane.connection;

import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ConnectionLabels;
import io.tollgate.dataplane.observe.ResponseFlag;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one accepted connection has learnt so far, filled in as it moves through the pipeline and written to the
 * access log and metrics once, when it closes. This part is the same for the gateway and the sidecar; each adds
 * what it learns about the peer and the destination, and says how that shows in the labels and the log line.
 *
 * <p>Threading: touched only on the connection's event loop (its upstream shares that loop), so plain fields.
 */
public abstract class ProxiedConnection {
    private final long id;
    private final Instant start;
    private final InetSocketAddress source;
    private InetSocketAddress local;
    private Optional<InetSocketAddress> upstream = Optional.empty();
    private ResponseFlag flag = ResponseFlag.NONE;
    private String termination;
    private long bytesReceived;
    private long bytesSent;

    protected ProxiedConnection(long id, Instant start, InetSocketAddress source, InetSocketAddress local) {
        this.id = id;
        this.start = start;
        this.source = source;
        this.local = local;
    }

    /** Whether its opening was counted in the metrics: only then is its close counted too. */
    public abstract boolean counted();

    public abstract ConnectionLabels labels();

    public abstract AccessLogEntry toLogEntry(Instant end, String fallbackTermination);

    /** Records the first reason the connection ends; later ones are consequences of it. */
    public final void end(ResponseFlag flag, String why) {
        if (termination == null) {
            this.flag = flag;
            this.termination = why;
        }
    }

    public final void addReceived(long bytes) {
        bytesReceived += bytes;
    }

    public final void addSent(long bytes) {
        bytesSent += bytes;
    }

    public final long id() {
        return id;
    }

    public final InetSocketAddress source() {
        return source;
    }

    /** The listener address, or for a captured connection the address the workload dialled. */
    public final InetSocketAddress local() {
        return local;
    }

    /** A captured connection's original destination replaces the listener address it was redirected to. */
    public final void capturedFor(InetSocketAddress original) {
        this.local = original;
    }

    public final Optional<InetSocketAddress> upstream() {
        return upstream;
    }

    public final void dialing(InetSocketAddress address) {
        this.upstream = Optional.of(address);
    }

    public final ResponseFlag flag() {
        return flag;
    }

    /** Why the connection ends; null while nothing has ended it. */
    public final String termination() {
        return termination;
    }

    public final long bytesReceived() {
        return bytesReceived;
    }

    public final long bytesSent() {
        return bytesSent;
    }

    /** The log line's fields that are the same for every connection, with the ones that differ passed in. */
    protected final AccessLogEntry logEntry(Instant end, String fallbackTermination, Optional<String> peer,
                                            Optional<String> serverName, Optional<String> destination,
                                            Optional<String> verdict, Optional<String> policy) {
        return new AccessLogEntry(id, start, Duration.between(start, end), address(source), address(local),
                peer, serverName, destination, upstream.map(ProxiedConnection::address), bytesReceived, bytesSent,
                verdict, policy, flag, termination == null ? fallbackTermination : termination);
    }

    /** {@code ip:port}, as the access log and messages show an address. */
    public static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
