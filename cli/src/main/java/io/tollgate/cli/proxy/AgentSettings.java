package io.tollgate.cli.proxy;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.AdminServer;
import io.tollgate.dataplane.relay.Transport;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * What every proxy agent is started with, gateway or sidecar: where it enrols and as whom, where it serves its
 * admin endpoint and writes its access log, and its limits.
 *
 * @param controlPlane the control plane's address (signing and distribution share it)
 * @param token        a join token for {@code namespace}/{@code serviceAccount}
 * @param labels       the workload's labels: which resources select it
 * @param admin        where {@code /metrics} and {@code /ready} are served (default: a free port on 127.0.0.1)
 * @param accessLog    where the one-line-per-connection JSON log goes
 */
public record AgentSettings(InetSocketAddress controlPlane, String token, String namespace, String serviceAccount,
                            Map<String, String> labels, InetSocketAddress admin, AccessLog accessLog,
                            Transport transport, ProxyLimits limits) {
    public AgentSettings {
        Objects.requireNonNull(controlPlane, "controlPlane");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(limits, "limits");
    }

    /** The defaults: admin on a free port on 127.0.0.1, log discarded, epoll, default limits. */
    public static AgentSettings of(InetSocketAddress controlPlane, String token, String namespace, String serviceAccount,
                                   Map<String, String> labels) {
        return new AgentSettings(controlPlane, token, namespace, serviceAccount, labels,
                AdminServer.loopbackEphemeral(), AccessLog.discard(), Transport.epoll(), ProxyLimits.DEFAULTS);
    }

    public AgentSettings withToken(String newToken) {
        return new AgentSettings(controlPlane, newToken, namespace, serviceAccount, labels, admin, accessLog, transport,
                limits);
    }

    public AgentSettings withAdmin(InetSocketAddress newAdmin) {
        return new AgentSettings(controlPlane, token, namespace, serviceAccount, labels, newAdmin, accessLog, transport,
                limits);
    }

    public AgentSettings withAccessLog(AccessLog newAccessLog) {
        return new AgentSettings(controlPlane, token, namespace, serviceAccount, labels, admin, newAccessLog, transport,
                limits);
    }

    public AgentSettings withLimits(ProxyLimits newLimits) {
        return new AgentSettings(controlPlane, token, namespace, serviceAccount, labels, admin, accessLog, transport,
                newLimits);
    }
}
