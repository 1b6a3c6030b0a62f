package io.tollgate.cli.proxy;

import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.AdminServer;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.policy.route.Hostname;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code tollgate gateway} is started with.
 *
 * @param controlPlane   the control plane's address (signing and distribution share it)
 * @param token          a join token for {@code namespace}/{@code serviceAccount}
 * @param labels         the gateway workload's labels: which Gateways and AuthorizationPolicies select it
 * @param resolve        fixed answers for destination host names ({@code --resolve HOST=IP}), before the system's
 * @param listeners      where each Gateway server port is bound (default: the same port on 127.0.0.1)
 * @param admin          where {@code /metrics} and {@code /ready} are served (default: a free port on 127.0.0.1)
 * @param accessLog      where the one-line-per-connection JSON log goes
 */
public record GatewayAgentSettings(InetSocketAddress controlPlane, String token, String namespace, String serviceAccount,
                                   Map<String, String> labels, Map<Hostname, List<InetAddress>> resolve,
                                   ListenerAddresses listeners, InetSocketAddress admin, AccessLog accessLog,
                                   Transport transport, ProxyLimits limits) {
    public GatewayAgentSettings {
        Objects.requireNonNull(controlPlane, "controlPlane");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        labels = Map.copyOf(labels);
        resolve = Map.copyOf(resolve);
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(limits, "limits");
    }

    /** The defaults: system resolver only, server ports on 127.0.0.1, admin on a free port, log discarded, epoll. */
    public static GatewayAgentSettings of(InetSocketAddress controlPlane, String token, String namespace,
                                          String serviceAccount, Map<String, String> labels) {
        return new GatewayAgentSettings(controlPlane, token, namespace, serviceAccount, labels, Map.of(),
                ListenerAddresses.samePort(InetAddress.getLoopbackAddress()), AdminServer.loopbackEphemeral(),
                AccessLog.discard(), Transport.epoll(), ProxyLimits.DEFAULTS);
    }

    public GatewayAgentSettings withResolve(Map<Hostname, List<InetAddress>> newResolve) {
        return new GatewayAgentSettings(controlPlane, token, namespace, serviceAccount, labels, newResolve, listeners,
                admin, accessLog, transport, limits);
    }

    public GatewayAgentSettings withListeners(ListenerAddresses newListeners) {
        return new GatewayAgentSettings(controlPlane, token, namespace, serviceAccount, labels, resolve, newListeners,
                admin, accessLog, transport, limits);
    }

    public GatewayAgentSettings withAdmin(InetSocketAddress newAdmin) {
        return new GatewayAgentSettings(controlPlane, token, namespace, serviceAccount, labels, resolve, listeners,
                newAdmin, accessLog, transport, limits);
    }

    public GatewayAgentSettings withAccessLog(AccessLog newAccessLog) {
        return new GatewayAgentSettings(controlPlane, token, namespace, serviceAccount, labels, resolve, listeners,
                admin, newAccessLog, transport, limits);
    }

    public GatewayAgentSettings withLimits(ProxyLimits newLimits) {
        return new GatewayAgentSettings(controlPlane, token, namespace, serviceAccount, labels, resolve, listeners,
                admin, accessLog, transport, newLimits);
    }
}
