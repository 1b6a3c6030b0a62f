package io.tollgate.cli.proxy;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.AdminServer;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.sidecar.ExplicitListeners;
import io.tollgate.policy.compile.MeshServices;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code tollgate sidecar} (and a pod's sidecar in {@code tollgate run}) is started with.
 *
 * @param controlPlane the control plane's address (signing and distribution share it)
 * @param token        a join token for {@code namespace}/{@code serviceAccount}
 * @param labels       the workload's labels (VirtualService {@code sourceLabels}, DestinationRule selectors)
 * @param inbound      explicit listeners or in-pod capture
 * @param meshServices the in-mesh services routes may name, above all where the egress gateway's service listens
 *                     (what Kubernetes would tell istiod; a local mesh knows it)
 * @param admin        where {@code /metrics} and {@code /ready} are served (default: a free port on 127.0.0.1)
 * @param accessLog    where the one-line-per-connection JSON log goes
 */
public record SidecarAgentSettings(InetSocketAddress controlPlane, String token, String namespace, String serviceAccount,
                                   Map<String, String> labels, SidecarInbound inbound, MeshServices meshServices,
                                   InetSocketAddress admin, AccessLog accessLog, Transport transport, ProxyLimits limits) {
    public SidecarAgentSettings {
        Objects.requireNonNull(controlPlane, "controlPlane");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(meshServices, "meshServices");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(limits, "limits");
    }

    /** The defaults: auto-allocated explicit listeners, no mesh services, admin on a free port, log discarded, epoll. */
    public static SidecarAgentSettings of(InetSocketAddress controlPlane, String token, String namespace,
                                          String serviceAccount, Map<String, String> labels) {
        return new SidecarAgentSettings(controlPlane, token, namespace, serviceAccount, labels,
                new SidecarInbound.Explicit(ExplicitListeners.auto()), MeshServices.none(),
                AdminServer.loopbackEphemeral(), AccessLog.discard(), Transport.epoll(), ProxyLimits.DEFAULTS);
    }

    public SidecarAgentSettings withInbound(SidecarInbound newInbound) {
        return new SidecarAgentSettings(controlPlane, token, namespace, serviceAccount, labels, newInbound, meshServices,
                admin, accessLog, transport, limits);
    }

    public SidecarAgentSettings withMeshServices(MeshServices newMeshServices) {
        return new SidecarAgentSettings(controlPlane, token, namespace, serviceAccount, labels, inbound, newMeshServices,
                admin, accessLog, transport, limits);
    }

    public SidecarAgentSettings withAdmin(InetSocketAddress newAdmin) {
        return new SidecarAgentSettings(controlPlane, token, namespace, serviceAccount, labels, inbound, meshServices,
                newAdmin, accessLog, transport, limits);
    }

    public SidecarAgentSettings withAccessLog(AccessLog newAccessLog) {
        return new SidecarAgentSettings(controlPlane, token, namespace, serviceAccount, labels, inbound, meshServices,
                admin, newAccessLog, transport, limits);
    }

    public SidecarAgentSettings withLimits(ProxyLimits newLimits) {
        return new SidecarAgentSettings(controlPlane, token, namespace, serviceAccount, labels, inbound, meshServices,
                admin, accessLog, transport, newLimits);
    }
}
