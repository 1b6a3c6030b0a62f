package io.tollgate.bench.controlplane;

import io.grpc.ChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.tollgate.controlplane.ca.CertificateClient;
import io.tollgate.controlplane.ca.ControlPlaneTls;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.ConfigClientOptions;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.identity.ControlPlaneIdentity;
import io.tollgate.identity.CredentialDirectory;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The proxies of the benchmark, bootstrapped as real ones are: a join token each, a certificate from the control
 * plane's CA (key made here, CSR), then an mTLS stream. Sidecars sit in namespaces spread over all teams; gateways
 * are replicas of the two egress gateway deployments, half each.
 */
final class ProxyFleet implements AutoCloseable {
    private final List<Member> members;
    private final List<ConfigClient> clients = new ArrayList<>();

    /** A proxy with its credentials, ready to connect. */
    record Member(CompilingProxy consumer, ChannelCredentials credentials) {
        ProxyNode node() {
            return consumer.node();
        }
    }

    private ProxyFleet(List<Member> members) {
        this.members = members;
    }

    /** Who the proxies are: sidecars spread over all teams, then the gateway replicas. */
    static List<ProxyNode> nodes(int sidecars, int gateways, int teams) {
        List<ProxyNode> nodes = new ArrayList<>();
        for (int i = 0; i < sidecars; i++) {
            int team = (int) ((long) i * teams / sidecars);
            String account = "app-" + i % 5;
            nodes.add(new ProxyNode("sidecar-" + i + "." + TeamFile.namespace(team), ProxyKind.SIDECAR,
                    TeamFile.namespace(team), account, Map.of("app", account)));
        }
        for (int i = 0; i < gateways; i++) {
            EgressGateway gateway = EgressGateway.values()[i % EgressGateway.values().length];
            nodes.add(new ProxyNode(gateway.name + "-" + i + "." + gateway.namespace, ProxyKind.GATEWAY,
                    gateway.namespace, gateway.serviceAccount(), Map.of("istio", gateway.label, "app", gateway.name)));
        }
        return nodes;
    }

    /** Mints a token and obtains a certificate for each proxy; nothing is connected yet. */
    static ProxyFleet bootstrap(ControlPlane controlPlane, int sidecars, int gateways, int teams, ScaleSettings.Consumer mode)
            throws Exception {
        List<Member> members = new ArrayList<>();
        for (ProxyNode node : nodes(sidecars, gateways, teams)) {
            SpiffeId id = new SpiffeId(controlPlane.trustDomain(), node.namespace(), node.serviceAccount());
            String token = controlPlane.mintToken(id, Duration.ofMinutes(10));
            String target = "127.0.0.1:" + controlPlane.address().getPort();
            WorkloadCredentials credentials = CertificateClient.withToken(target, JoinToken.readClaims(token), Clock.systemUTC())
                    .request(token, Optional.empty());
            members.add(member(node, credentials, mode));
        }
        return new ProxyFleet(members);
    }

    /** Proxies that ran before: each reads the credentials it holds from {@code directory}/I, in {@code nodes}' order. */
    static ProxyFleet holding(Path directory, List<ProxyNode> nodes, ScaleSettings.Consumer mode) throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            members.add(member(nodes.get(i), CredentialDirectory.read(directory.resolve(Integer.toString(i))), mode));
        }
        return new ProxyFleet(members);
    }

    private static Member member(ProxyNode node, WorkloadCredentials credentials, ScaleSettings.Consumer mode) throws Exception {
        SpiffeId id = credentials.identity();
        PeerVerifier server = PeerVerifier.forMesh(credentials.trustBundle(), id.trustDomain(), List.of(), Clock.systemUTC())
                .expecting(ControlPlaneIdentity.in(id.trustDomain()));
        ChannelCredentials channel = NettySslContextChannelCredentials.create(ControlPlaneTls.meshClient(() -> credentials, server));
        return new Member(new CompilingProxy(node, mode), channel);
    }

    /** Starts every proxy's stream at once; returns immediately. */
    void connect(int port) {
        for (Member member : members) {
            clients.add(ConfigClient.start(ConfigClientOptions.of("127.0.0.1", port, member.credentials(), member.node()),
                    member.consumer()));
        }
    }

    List<CompilingProxy> proxies() {
        return members.stream().map(Member::consumer).toList();
    }

    List<CompilingProxy> proxies(Predicate<CompilingProxy> which) {
        return proxies().stream().filter(which).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (ConfigClient client : clients) {
            client.close();
        }
    }
}
