package io.tollgate.cli.proxy;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.sidecar.ExplicitListeners;
import io.tollgate.policy.compile.MeshServices;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code tollgate sidecar} (and a pod's sidecar in {@code tollgate run}) is started with.
 *
 * @param agent        what every agent is started with; the labels are the workload's (VirtualService
 *                     {@code sourceLabels}, DestinationRule selectors)
 * @param inbound      explicit listeners or in-pod capture
 * @param meshServices the in-mesh services routes may name, above all where the egress gateway's service listens
 *                     (what Kubernetes would tell istiod; a local mesh knows it)
 */
public record SidecarAgentSettings(AgentSettings agent, SidecarInbound inbound, MeshServices meshServices) {
    public SidecarAgentSettings {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(meshServices, "meshServices");
    }

    /** The defaults of {@link AgentSettings#of}, auto-allocated explicit listeners, no mesh services. */
    public static SidecarAgentSettings of(InetSocketAddress controlPlane, String token, String namespace,
                                          String serviceAccount, Map<String, String> labels) {
        return new SidecarAgentSettings(AgentSettings.of(controlPlane, token, namespace, serviceAccount, labels),
                new SidecarInbound.Explicit(ExplicitListeners.auto()), MeshServices.none());
    }

    public SidecarAgentSettings withInbound(SidecarInbound newInbound) {
        return new SidecarAgentSettings(agent, newInbound, meshServices);
    }

    public SidecarAgentSettings withMeshServices(MeshServices newMeshServices) {
        return new SidecarAgentSettings(agent, inbound, newMeshServices);
    }

    public SidecarAgentSettings withAdmin(InetSocketAddress newAdmin) {
        return new SidecarAgentSettings(agent.withAdmin(newAdmin), inbound, meshServices);
    }

    public SidecarAgentSettings withAccessLog(AccessLog newAccessLog) {
        return new SidecarAgentSettings(agent.withAccessLog(newAccessLog), inbound, meshServices);
    }

    public SidecarAgentSettings withLimits(ProxyLimits newLimits) {
        return new SidecarAgentSettings(agent.withLimits(newLimits), inbound, meshServices);
    }
}
