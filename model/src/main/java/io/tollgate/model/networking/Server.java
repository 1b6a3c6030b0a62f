package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;
import java.util.Optional;

/**
 * {@code Gateway.spec.servers[i]}: one listener.
 *
 * @param hosts {@code [namespace/]dnsName} entries the server exposes ({@code *} for any)
 * @param bind  the address to listen on, or {@code unix://path}; empty for every address
 */
public record Server(Port port, List<String> hosts, Optional<ServerTls> tls, Optional<String> bind,
                     Optional<String> defaultEndpoint, Optional<String> name, SourceLocation location) {
    public Server {
        hosts = List.copyOf(hosts);
    }
}
