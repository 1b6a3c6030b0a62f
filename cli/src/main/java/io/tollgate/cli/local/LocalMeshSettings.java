package io.tollgate.cli.local;

import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.policy.route.Hostname;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code tollgate up} (and {@code tollgate demo}) start a local mesh with.
 *
 * @param resources         Istio resource files and directories, watched
 * @param meshConfig        the MeshConfig file, watched; Istio's defaults when absent
 * @param state             where mesh.json, the token socket and the control plane's CA live
 * @param controlPlane      where the control plane listens (port 0: a free one)
 * @param gateway           the egress gateway workload's identity, labels and service name
 * @param gatewayListeners  where the gateway binds each Gateway server port
 * @param resolve           fixed answers for destination hosts at the gateway ({@code --resolve HOST=IP})
 * @param gatewayAccessLog  where the gateway's access log goes
 */
public record LocalMeshSettings(List<Path> resources, Optional<Path> meshConfig, StateDirectory state,
                                InetSocketAddress controlPlane, GatewayWorkload gateway,
                                ListenerAddresses gatewayListeners, Map<Hostname, List<InetAddress>> resolve,
                                AccessLog gatewayAccessLog) {
    public LocalMeshSettings {
        resources = List.copyOf(resources);
        Objects.requireNonNull(meshConfig, "meshConfig");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(controlPlane, "controlPlane");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(gatewayListeners, "gatewayListeners");
        resolve = Map.copyOf(resolve);
        Objects.requireNonNull(gatewayAccessLog, "gatewayAccessLog");
    }
}
