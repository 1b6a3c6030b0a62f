package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.tls.MeshServerTls;

/**
 * The collaborators a gateway is wired with; the CLI builds them with {@code new}.
 *
 * @param tls      the gateway's mesh server TLS; it follows its credential supplier, and {@link MeshServerTls#trust}
 *                 takes a new trust bundle
 * @param resolver turns destination host names into addresses ({@code --resolve} pins, then the system)
 */
public record GatewayDependencies(Transport transport, MeshServerTls tls, HostResolver resolver, AccessLog accessLog,
                                  ProxyMetrics metrics) {
    public GatewayDependencies {
        if (transport == null || tls == null || resolver == null || accessLog == null || metrics == null) {
            throw new IllegalArgumentException("every gateway dependency is required");
        }
    }
}
