package io.tollgate.policy.route;

/** A destination as a client names it: {@code host:port}. */
public record HostPort(Host host, PortNumber port) {
    public HostPort {
        if (host == null || port == null) {
            throw new IllegalArgumentException("host and port are both required");
        }
    }

    public static HostPort of(String host, int port) {
        return new HostPort(Host.parse(host), PortNumber.of(port));
    }

    @Override
    public String toString() {
        return host instanceof IpLiteral ip && ip.address() instanceof java.net.Inet6Address
                ? "[" + host.text() + "]:" + port
                : host.text() + ":" + port;
    }
}
