package io.tollgate.cli.proxy;

import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.controlplane.mesh.ControlPlaneSettings;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.MariaDbServer;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.compile.MeshService;
import io.tollgate.policy.compile.MeshServices;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.PortNumber;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The seed's mesh on loopback for one test: a real control plane serving a copy of {@code examples/seed} (the
 * database's ServiceEntry endpoint port pointed at a real MariaDB), and real gateway and sidecar agents that
 * bootstrap from join tokens it mints. Access logs are kept in memory.
 */
final class LocalMesh implements AutoCloseable {
    static final Hostname RDS = Hostname.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    static final String GATEWAY_SERVICE = "istio-egressgateway.istio-system.svc.cluster.local";
    static final String POLICY = "06-authorization-policy.yaml";
    private static final Path SEED = Path.of("..", "examples", "seed").toAbsolutePath().normalize();

    final Path conf;
    final ControlPlane controlPlane;
    final List<AccessLogEntry> gatewayLog = new CopyOnWriteArrayList<>();
    final List<AccessLogEntry> sidecarLog = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> agents = new ArrayList<>();

    LocalMesh(Path dir, MariaDbServer database) throws Exception {
        this(dir, database.port());
    }

    /** @param databasePort where the database's ServiceEntry endpoint is served (any port when nothing connects) */
    LocalMesh(Path dir, int databasePort) throws Exception {
        conf = Files.createDirectories(dir.resolve("conf"));
        try (Stream<Path> files = Files.list(SEED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("mesh-config.yaml")).toList()) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        // The endpoint keeps the placeholder host (the gateway resolves it with --resolve to 127.0.0.1); only the
        // endpoint's port moves to where this test's MariaDB listens, as an RDS endpoint port mapping would.
        replace("02-service-entry.yaml", "      tcp: 3306", "      tcp: " + databasePort);
        controlPlane = ControlPlane.start(new ControlPlaneSettings(List.of(conf), Optional.of(SEED.resolve("mesh-config.yaml")),
                dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0)), Clock.systemUTC());
    }

    String token(String namespace, String serviceAccount) {
        return controlPlane.mintToken(new SpiffeId(controlPlane.trustDomain(), namespace, serviceAccount), Duration.ofMinutes(5));
    }

    /** The seed's egress gateway: its labels, the database host pinned to 127.0.0.1, server ports on free ports. */
    GatewayAgentSettings gatewaySettings() {
        return GatewayAgentSettings.of(controlPlane.address(), token("istio-system", "istio-egressgateway-service-account"),
                        "istio-system", "istio-egressgateway-service-account", Map.of("istio", "egressgateway"))
                .withResolve(Map.of(RDS, List.of(InetAddress.getLoopbackAddress())))
                .withListeners(ListenerAddresses.ephemeral(InetAddress.getLoopbackAddress()))
                .withAccessLog(gatewayLog::add)
                .withLimits(ProxyLimits.DEFAULTS.withDrain(Duration.ZERO));
    }

    GatewayAgent startGateway() throws AgentStartException {
        return track(GatewayAgent.start(gatewaySettings()));
    }

    /** The seed's client workload in {@code demo-server}, told where {@code gateway} serves port 13306. */
    SidecarAgentSettings sidecarSettings(GatewayAgent gateway, SidecarInbound inbound) {
        InetSocketAddress serverPort = gateway.listenerAddress(PortNumber.of(13306)).orElseThrow();
        MeshService service = MeshService.parse(GATEWAY_SERVICE + ":13306=" + serverPort.getAddress().getHostAddress()
                + ":" + serverPort.getPort());
        return SidecarAgentSettings.of(controlPlane.address(), token("demo-server", "default"), "demo-server", "default",
                        Map.of("name", "lbl-k8s-mysql"))
                .withInbound(inbound)
                .withMeshServices(MeshServices.of(List.of(service)))
                .withAccessLog(sidecarLog::add)
                .withLimits(ProxyLimits.DEFAULTS.withDrain(Duration.ZERO));
    }

    SidecarAgent startSidecar(GatewayAgent gateway, SidecarInbound inbound) throws AgentStartException {
        return track(SidecarAgent.start(sidecarSettings(gateway, inbound)));
    }

    /**
     * Edits a configuration file in place and waits for the control plane to publish a version other than the
     * current one; returns it.
     */
    String editAndAwaitVersion(String file, String from, String to) throws IOException {
        String before = controlPlane.version();
        replace(file, from, to);
        Await.until("the control plane to publish the edit of " + file, () -> !controlPlane.version().equals(before));
        return controlPlane.version();
    }

    void replace(String file, String from, String to) throws IOException {
        Path path = conf.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not contain '" + from + "'");
        }
        Files.writeString(path, text.replace(from, to));
    }

    static AccessLogEntry awaitLog(List<AccessLogEntry> log, String what, Predicate<AccessLogEntry> match) {
        Await.until("access log line: " + what, () -> log.stream().anyMatch(match));
        return log.stream().filter(match).findFirst().orElseThrow();
    }

    private <T extends AutoCloseable> T track(T agent) {
        agents.add(agent);
        return agent;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable agent : agents.reversed()) {
            agent.close();
        }
        controlPlane.close();
    }
}
