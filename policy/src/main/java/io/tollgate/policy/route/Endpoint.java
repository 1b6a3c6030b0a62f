package io.tollgate.policy.route;

/** One upstream address of a destination: a host to resolve (or an IP literal) and the port to dial. */
public record Endpoint(Host host, PortNumber port) {
    public Endpoint {
        if (host == null || port == null) {
            throw new IllegalArgumentException("an endpoint needs a host and a port");
        }
    }

    public static Endpoint of(String host, int port) {
        return new Endpoint(Host.parse(host), PortNumber.of(port));
    }

    @Override
    public String toString() {
        return new HostPort(host, port).toString();
    }
}
