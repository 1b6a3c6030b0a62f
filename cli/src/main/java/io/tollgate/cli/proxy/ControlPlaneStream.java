package io.tollgate.cli.proxy;

import io.grpc.ChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.tollgate.controlplane.ca.ControlPlaneTls;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.ConfigClientOptions;
import io.tollgate.controlplane.client.SnapshotConsumer;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.identity.ControlPlaneIdentity;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.WorkloadCredentials;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens a proxy's configuration stream: mTLS with the proxy's rotating certificate (each reconnect presents the
 * newest), and the server must be exactly the control plane identity of the proxy's trust domain, chained to the
 * roots the proxy was issued with.
 */
final class ControlPlaneStream {
    private ControlPlaneStream() {
    }

    static ConfigClient start(InetSocketAddress controlPlane, ProxyIdentity identity, ProxyNode node,
                              SnapshotConsumer consumer, Clock clock) throws AgentStartException {
        WorkloadCredentials now = identity.current();
        String trustDomain = now.identity().trustDomain();
        PeerVerifier server = PeerVerifier.forMesh(now.trustBundle(), trustDomain, List.of(), clock)
                .expecting(ControlPlaneIdentity.in(trustDomain));
        ChannelCredentials credentials;
        try {
            credentials = NettySslContextChannelCredentials.create(ControlPlaneTls.meshClient(identity::current, server));
        } catch (SSLException e) {
            throw new AgentStartException(AgentStartException.Kind.FAILED, "TLS to the control plane: " + e.getMessage(), e);
        }
        return ConfigClient.start(ConfigClientOptions.of(controlPlane.getHostString(), controlPlane.getPort(),
                credentials, node), consumer);
    }

    /**
     * Who the proxy says it is. The id only has to be unique among the control plane's streams: kind, namespace,
     * process and a random tag, so several proxies of one process (tests, {@code tollgate up}) never collide.
     */
    static ProxyNode node(ProxyKind kind, String namespace, String serviceAccount, Map<String, String> labels) {
        String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String id = kind.name().toLowerCase(java.util.Locale.ROOT) + "~" + namespace + "~"
                + ProcessHandle.current().pid() + "-" + tag;
        return new ProxyNode(id, kind, namespace, serviceAccount, labels);
    }

    /** {@code host:port}, bracketing an IPv6 literal, as gRPC and the certificate client want a target. */
    static String target(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
