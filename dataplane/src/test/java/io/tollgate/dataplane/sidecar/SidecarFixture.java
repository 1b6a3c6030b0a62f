package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.gateway.GatewayConfig;
import io.tollgate.dataplane.gateway.GatewayDependencies;
import io.tollgate.dataplane.gateway.GatewayServer;
import io.tollgate.dataplane.gateway.GatewaySettings;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.gateway.PolicyRef;
import io.tollgate.dataplane.gateway.Verdict;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.TestPki;
import io.tollgate.dataplane.tls.MeshServerTls;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.GatewayListener;
import io.tollgate.policy.route.GatewayRoute;
import io.tollgate.policy.route.GatewayRoutes;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.RouteTarget;
import io.tollgate.policy.route.SidecarRoute;
import io.tollgate.policy.route.SidecarRoutes;
import io.tollgate.policy.route.SniMatch;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import io.tollgate.policy.route.WeightedUpstream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The seed's path on loopback for one test: a real egress gateway (one mTLS server port, routing each registered
 * host by SNI to a fixed address) and a sidecar in front of it, both with certificates from one throwaway mesh CA.
 * Nothing resolves through DNS: the gateway's targets are addresses, the sidecar dials the gateway by address.
 */
final class SidecarFixture implements AutoCloseable {
    static final Transport TRANSPORT = Transport.epoll();
    static final Hostname RDS = Hostname.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    static final Hostname GATEWAY_SERVICE = Hostname.of("istio-egressgateway.istio-system.svc.cluster.local");
    static final PortNumber GATEWAY_PORT = PortNumber.of(13306);
    static final SpiffeId GATEWAY_ID = new SpiffeId("cluster.local", "istio-system", "istio-egressgateway-service-account");
    static final SpiffeId DEMO_SERVER = new SpiffeId("cluster.local", "demo-server", "default");
    static final PolicyRef SEED_POLICY = new PolicyRef("istio-system", "egress-rds-by-namespace");

    final TestPki pki = new TestPki();
    final ProxyMetrics gatewayMetrics = new ProxyMetrics();
    final ProxyMetrics sidecarMetrics = new ProxyMetrics();
    final List<AccessLogEntry> gatewayLog = new CopyOnWriteArrayList<>();
    final List<AccessLogEntry> sidecarLog = new CopyOnWriteArrayList<>();
    final GatewayServer gateway;
    private final GatewayRoutes gatewayRoutes;
    private final List<SidecarServer> sidecars = new ArrayList<>();

    /** @param destinations each registered host and where the gateway finds it (the ServiceEntry endpoint) */
    SidecarFixture(Map<HostPort, InetSocketAddress> destinations, ConnectionAuthorizer authorizer) {
        this(destinations, authorizer, true);
    }

    /** @param tunnels whether the gateway takes tunnels (when not, each connection is a TLS connection of its own) */
    SidecarFixture(Map<HostPort, InetSocketAddress> destinations, ConnectionAuthorizer authorizer, boolean tunnels) {
        this(destinations, authorizer, tunnels, Protocol.TCP);
    }

    /** @param protocol the destinations' ServiceEntry port protocol (MYSQL: refusals answer as a MySQL server) */
    SidecarFixture(Map<HostPort, InetSocketAddress> destinations, ConnectionAuthorizer authorizer, boolean tunnels,
                   Protocol protocol) {
        this(destinations, authorizer, tunnels, protocol, Duration.ofSeconds(5));
    }

    /** @param gatewayConnectTimeout how long the gateway waits for an upstream's TCP connect */
    SidecarFixture(Map<HostPort, InetSocketAddress> destinations, ConnectionAuthorizer authorizer, boolean tunnels,
                   Protocol protocol, Duration gatewayConnectTimeout) {
        List<GatewayRoute> routes = new ArrayList<>();
        destinations.forEach((destination, address) -> routes.add(new GatewayRoute(
                new SniMatch.Exact((Hostname) destination.host()),
                new RouteTarget((Hostname) destination.host(), destination.port(), protocol, Resolution.STATIC,
                        List.of(Endpoint.of(address.getAddress().getHostAddress(), address.getPort()))),
                "demo-server/" + destination.host())));
        gatewayRoutes = GatewayRoutes.of("gateway-v1", List.of(new GatewayListener(GATEWAY_PORT, routes)));
        var credentials = pki.credentials(GATEWAY_ID);
        gateway = GatewayServer.start(
                new GatewaySettings(ListenerAddresses.ephemeral(InetAddress.getLoopbackAddress()), gatewayConnectTimeout,
                        Duration.ofMinutes(5), 2),
                new GatewayDependencies(TRANSPORT, new MeshServerTls(() -> credentials,
                        pki.verifier(), gatewayMetrics.peerRejections(), Duration.ofSeconds(10), tunnels),
                        nowhere(), gatewayLog::add, gatewayMetrics),
                new GatewayConfig(gatewayRoutes, authorizer));
    }

    /** Denies peers of the given namespaces by {@link #SEED_POLICY}, allows everyone else with no policy. */
    static ConnectionAuthorizer denyNamespaces(String... namespaces) {
        Set<String> denied = Set.of(namespaces);
        return facts -> facts.peer().map(SpiffeId::namespace).filter(denied::contains).isPresent()
                ? Verdict.deny(Optional.of(SEED_POLICY), "source namespace matches a DENY rule")
                : Verdict.allow(Optional.empty(), "no DENY rule matched");
    }

    GatewayRoutes gatewayRoutes() {
        return gatewayRoutes;
    }

    /** The gateway's mTLS listener, as the control plane would publish it as the gateway service's endpoint. */
    InetSocketAddress gatewayAddress() {
        return gateway.listenerAddress(GATEWAY_PORT).orElseThrow();
    }

    /** An upstream that is the egress gateway, reached over mTLS with the destination's own name as SNI. */
    Upstream viaGateway(Hostname sni, List<String> subjectAltNames) {
        InetSocketAddress gateway = gatewayAddress();
        return new Upstream(GATEWAY_SERVICE, GATEWAY_PORT,
                List.of(Endpoint.of(gateway.getAddress().getHostAddress(), gateway.getPort())), Resolution.STATIC,
                new UpstreamTls.IstioMutual(Optional.of(sni), subjectAltNames), LoadBalancer.ROUND_ROBIN);
    }

    /** A route for each destination, through the gateway; what the compiler makes of the seed's resources. */
    SidecarRoutes routesViaGateway(String version, OutboundPolicy policy, List<HostPort> destinations,
                                   Function<Hostname, List<String>> subjectAltNames) {
        return routes(version, policy, destinations, destination ->
                viaGateway((Hostname) destination.host(), subjectAltNames.apply((Hostname) destination.host())));
    }

    static SidecarRoutes routes(String version, OutboundPolicy policy, List<HostPort> destinations,
                                Function<HostPort, Upstream> upstream) {
        Map<HostPort, SidecarRoute> routes = new HashMap<>();
        for (HostPort destination : destinations) {
            routes.put(destination, new SidecarRoute(destination, List.of(new WeightedUpstream(100, upstream.apply(destination))),
                    "demo-server/" + destination.host()));
        }
        return new SidecarRoutes(version, routes, policy);
    }

    SidecarServer startSidecar(SidecarSettings settings, SidecarRoutes routes) {
        SidecarDependencies dependencies = new SidecarDependencies(TRANSPORT,
                pki.clientTls(DEMO_SERVER, Duration.ofSeconds(10), sidecarMetrics), nowhere(), sidecarLog::add, sidecarMetrics);
        SidecarServer sidecar = SidecarServer.start(settings, dependencies, new SidecarConfig(routes));
        sidecars.add(sidecar);
        return sidecar;
    }

    static SidecarSettings explicitSettings(ExplicitListeners listeners) {
        return SidecarSettings.explicit(listeners, Duration.ofSeconds(5), Duration.ofMinutes(5), 2);
    }

    /** A loopback address of its own for each test run, so parallel runs never contend for a service port. */
    static InetAddress freshLoopback() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(1, 250), (byte) random.nextInt(256),
                    (byte) random.nextInt(1, 255)});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static AccessLogEntry awaitLog(List<AccessLogEntry> log, String what, Predicate<AccessLogEntry> match) {
        Await.until("access log line: " + what, () -> log.stream().anyMatch(match));
        return log.stream().filter(match).findFirst().orElseThrow();
    }

    private static HostResolver nowhere() {
        return name -> CompletableFuture.failedFuture(new UnknownHostException(name + ": tests resolve nothing"));
    }

    @Override
    public void close() {
        sidecars.forEach(sidecar -> sidecar.shutdown(Duration.ZERO));
        gateway.shutdown(Duration.ZERO);
    }
}
