package io.tollgate.dataplane.gateway;

import io.tollgate.policy.route.PortNumber;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where the gateway binds the listener for a Gateway server port. In production that is the port itself; tests
 * and single-host demos bind each to a free port and ask the server where it landed.
 */
@FunctionalInterface
public interface ListenerAddresses {

    InetSocketAddress bindAddressFor(PortNumber serverPort);

    /** Each server port on the same port number of {@code host}. */
    static ListenerAddresses samePort(InetAddress host) {
        return port -> new InetSocketAddress(host, port.value());
    }

    /** Each server port on a free port of {@code host}. */
    static ListenerAddresses ephemeral(InetAddress host) {
        return port -> new InetSocketAddress(host, 0);
    }
}
