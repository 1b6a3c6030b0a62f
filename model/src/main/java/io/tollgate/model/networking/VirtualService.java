package io.tollgate.model.networking;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;

import java.util.List;

/**
 * {@code networking.istio.io} VirtualService: routing for {@code hosts}, applied by the sidecars ({@code mesh})
 * and/or the gateways named in {@code gateways}. Tollgate routes {@code tcp} and {@code tls}; {@code http} routes are
 * kept only so that their presence is known.
 *
 * @param gateways empty means {@code [mesh]}, as in Istio
 */
public record VirtualService(ObjectMeta meta, List<String> hosts, List<String> gateways, List<HttpRoute> http,
                             List<TlsRoute> tls, List<TcpRoute> tcp, List<String> exportTo) implements Resource {
    /** The reserved gateway name for every sidecar in the mesh. */
    public static final String MESH_GATEWAY = "mesh";

    public VirtualService {
        hosts = List.copyOf(hosts);
        gateways = List.copyOf(gateways);
        http = List.copyOf(http);
        tls = List.copyOf(tls);
        tcp = List.copyOf(tcp);
        exportTo = List.copyOf(exportTo);
    }

    @Override
    public String kind() {
        return "VirtualService";
    }
}
