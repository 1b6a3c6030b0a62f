package io.tollgate.dataplane.gateway;

import io.netty.channel.EventLoopGroup;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.MtlsForwarder;
import io.tollgate.dataplane.testing.TestPki;
import io.tollgate.dataplane.tls.MeshServerTls;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;
import io.tollgate.policy.route.GatewayRoutes;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.PortNumber;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real gateway on loopback for one test: ephemeral listener ports, a throwaway mesh CA, host names pinned to
 * loopback (anything else fails to resolve, so no test ever asks real DNS), and the access log kept in memory.
 */
final class GatewayFixture implements AutoCloseable {
    static final Transport TRANSPORT = Transport.epoll();
    static final Hostname RDS = Hostname.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    static final SpiffeId GATEWAY_ID = new SpiffeId("cluster.local", "istio-system", "istio-egressgateway-service-account");
    static final SpiffeId DEMO_SERVER = new SpiffeId("cluster.local", "demo-server", "default");
    static final SpiffeId DEMO_FRONTEND = new SpiffeId("cluster.local", "demo-frontend", "default");
    static final PolicyRef SEED_POLICY = new PolicyRef("istio-system", "egress-rds-by-namespace");

    final TestPki pki = new TestPki();
    final List<AccessLogEntry> log = new CopyOnWriteArrayList<>();
    final ProxyMetrics metrics = new ProxyMetrics();
    final EventLoopGroup clientLoops = TRANSPORT.newEventLoopGroup(1, "test-sidecar");
    final GatewayServer gateway;
    private final GatewayRoutes routes;
    private final WorkloadCredentials gatewayCredentials = pki.credentials(GATEWAY_ID);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private boolean stopped;

    GatewayFixture(GatewayRoutes routes, ConnectionAuthorizer authorizer, Map<Hostname, InetAddress> hosts,
                   Duration handshakeTimeout) {
        this.routes = routes;
        Map<Hostname, List<InetAddress>> pinned = new java.util.HashMap<>();
        hosts.forEach((name, address) -> pinned.put(name, List.of(address)));
        HostResolver resolver = HostResolver.pinned(pinned,
                name -> CompletableFuture.failedFuture(new UnknownHostException(name + ": not pinned in this test")));
        GatewayDependencies dependencies = new GatewayDependencies(TRANSPORT,
                new MeshServerTls(() -> gatewayCredentials, pki.verifier(), metrics.peerRejections(), handshakeTimeout),
                resolver, log::add, metrics);
        GatewaySettings settings = new GatewaySettings(ListenerAddresses.ephemeral(InetAddress.getLoopbackAddress()),
                Duration.ofSeconds(5), Duration.ofMinutes(5), 2);
        gateway = GatewayServer.start(settings, dependencies, new GatewayConfig(routes, authorizer));
    }

    GatewayFixture(GatewayRoutes routes, ConnectionAuthorizer authorizer, Map<Hostname, InetAddress> hosts) {
        this(routes, authorizer, hosts, Duration.ofSeconds(10));
    }

    /** Denies peers of the given namespaces by {@link #SEED_POLICY}, allows everyone else with no policy. */
    static ConnectionAuthorizer denyNamespaces(String... namespaces) {
        Set<String> denied = Set.of(namespaces);
        return facts -> facts.peer().map(SpiffeId::namespace).filter(denied::contains).isPresent()
                ? Verdict.deny(Optional.of(SEED_POLICY), "source namespace matches a DENY rule")
                : Verdict.allow(Optional.empty(), "no DENY rule matched");
    }

    void setPolicy(ConnectionAuthorizer authorizer) {
        gateway.update(new GatewayConfig(routes, authorizer));
    }

    InetSocketAddress listener(PortNumber serverPort) {
        return gateway.listenerAddress(serverPort).orElseThrow();
    }

    /** A test sidecar for {@code who}: plaintext in on 127.0.0.1, mTLS with SNI out to the gateway's server port. */
    MtlsForwarder sidecar(SpiffeId who, PortNumber serverPort, Optional<String> sni) {
        MtlsForwarder forwarder = MtlsForwarder.start(TRANSPORT, clientLoops,
                pki.clientTls(who, Duration.ofSeconds(10)), listener(serverPort), sni);
        closeables.add(forwarder);
        return forwarder;
    }

    AccessLogEntry awaitLog(String what, Predicate<AccessLogEntry> match) {
        Await.until("access log line: " + what, () -> log.stream().anyMatch(match));
        return log.stream().filter(match).findFirst().orElseThrow();
    }

    double handshakeFailures(String reason) {
        return metrics.count("tollgate.downstream.handshake.failures", "reason", reason);
    }

    void stopGateway(Duration drain) {
        if (!stopped) {
            stopped = true;
            gateway.shutdown(drain);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        stopGateway(Duration.ZERO);
        clientLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
