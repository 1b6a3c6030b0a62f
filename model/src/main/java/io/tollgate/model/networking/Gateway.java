package io.tollgate.model.networking;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;

import java.util.List;
import java.util.Map;

/**
 * {@code networking.istio.io} Gateway: the listeners of the gateway workloads chosen by {@code selector}
 * (for Tollgate, the egress gateway that terminates the sidecars' mTLS).
 *
 * @param selector labels of the gateway workloads; empty selects every gateway workload
 */
public record Gateway(ObjectMeta meta, Map<String, String> selector, List<Server> servers) implements Resource {
    public Gateway {
        selector = Map.copyOf(selector);
        servers = List.copyOf(servers);
    }

    @Override
    public String kind() {
        return "Gateway";
    }
}
