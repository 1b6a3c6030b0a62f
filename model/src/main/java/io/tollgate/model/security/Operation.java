package io.tollgate.model.security;

import io.tollgate.model.SourceLocation;

import java.util.List;

/** {@code rules[i].to[j].operation}. Only {@code ports}/{@code notPorts} mean anything for TCP. */
public record Operation(List<String> hosts, List<String> notHosts,
                        List<String> ports, List<String> notPorts,
                        List<String> methods, List<String> notMethods,
                        List<String> paths, List<String> notPaths,
                        SourceLocation location) {
    public Operation {
        hosts = List.copyOf(hosts);
        notHosts = List.copyOf(notHosts);
        ports = List.copyOf(ports);
        notPorts = List.copyOf(notPorts);
        methods = List.copyOf(methods);
        notMethods = List.copyOf(notMethods);
        paths = List.copyOf(paths);
        notPaths = List.copyOf(notPaths);
    }
}
