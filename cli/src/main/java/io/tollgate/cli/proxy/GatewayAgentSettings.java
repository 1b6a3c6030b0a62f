package io.tollgate.cli.proxy;

import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.policy.route.Hostname;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code tollgate gateway} is started with.
 *
 * @param agent     what every agent is started with; the labels say which Gateways and AuthorizationPolicies
 *                  select this gateway
 * @param resolve   fixed answers for destination host names ({@code --resolve HOST=IP}), before the system's
 * @param listeners where each Gateway server port is bound (default: the same port on 127.0.0.1)
 */
public record GatewayAgentSettings(AgentSettings agent, Map<Hostname, List<InetAddress>> resolve,
                                   ListenerAddresses listeners) {
    public GatewayAgentSettings {
        Objects.requireNonNull(agent, "agent");
        resolve = Map.copyOf(resolve);
        Objects.requireNonNull(listeners, "listeners");
    }

    /** The defaults of {@link AgentSettings#of}, system resolver only, server ports on 127.0.0.1. */
    public static GatewayAgentSettings of(InetSocketAddress controlPlane, String token, String namespace,
                                          String serviceAccount, Map<String, String> labels) {
        return new GatewayAgentSettings(AgentSettings.of(controlPlane, token, namespace, serviceAccount, labels),
                Map.of(), ListenerAddresses.samePort(InetAddress.getLoopbackAddress()));
    }

    public GatewayAgentSettings withResolve(Map<Hostname, List<InetAddress>> newResolve) {
        return new GatewayAgentSettings(agent, newResolve, listeners);
    }

    public GatewayAgentSettings withListeners(ListenerAddresses newListeners) {
        return new GatewayAgentSettings(agent, resolve, newListeners);
    }

    public GatewayAgentSettings withAdmin(InetSocketAddress newAdmin) {
        return new GatewayAgentSettings(agent.withAdmin(newAdmin), resolve, listeners);
    }

    public GatewayAgentSettings withAccessLog(AccessLog newAccessLog) {
        return new GatewayAgentSettings(agent.withAccessLog(newAccessLog), resolve, listeners);
    }

    public GatewayAgentSettings withLimits(ProxyLimits newLimits) {
        return new GatewayAgentSettings(agent.withLimits(newLimits), resolve, listeners);
    }
}
