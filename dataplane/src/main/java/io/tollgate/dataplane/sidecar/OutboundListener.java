package io.tollgate.dataplane.sidecar;

import io.tollgate.policy.route.HostPort;

import java.net.InetSocketAddress;

/** One explicit listener: connections to {@code address} go to the registered {@code destination}. */
public record OutboundListener(HostPort destination, InetSocketAddress address) {

    /** {@code outbound HOST:PORT -> IP:PORT}, the line the CLI prints at start. */
    public String line() {
        return "outbound " + destination + " -> " + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public String toString() {
        return line();
    }
}
