package io.tollgate.bench.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free loopback ports for the processes the harness starts (haproxy, mariadbd, iperf3 need a port on their
 * command line). Another process could take the port in between; the harness then fails to start that process and
 * says so, it does not retry blindly.
 */
final class Ports {
    private Ports() {
    }

    static int free() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
