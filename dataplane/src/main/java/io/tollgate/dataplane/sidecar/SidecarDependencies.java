package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.tls.MeshClientTls;

/**
 * The collaborators a sidecar is wired with; the CLI builds them with {@code new}.
 *
 * @param tls      the workload's mesh client TLS; it follows its credential supplier, so rotation needs no call here
 * @param resolver turns upstream endpoint host names (the gateway's service name) into addresses
 */
public record SidecarDependencies(Transport transport, MeshClientTls tls, HostResolver resolver, AccessLog accessLog,
                                  ProxyMetrics metrics) {
    public SidecarDependencies {
        if (transport == null || tls == null || resolver == null || accessLog == null || metrics == null) {
            throw new IllegalArgumentException("every sidecar dependency is required");
        }
    }
}
