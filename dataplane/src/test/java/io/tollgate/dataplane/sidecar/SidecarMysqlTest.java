package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.testing.ShopDatabase;
import io.tollgate.dataplane.testing.MysqlClient;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tollgate.dataplane.sidecar.SidecarFixture.DEMO_SERVER;
import static io.tollgate.dataplane.sidecar.SidecarFixture.GATEWAY_ID;
import static io.tollgate.dataplane.sidecar.SidecarFixture.RDS;
import static io.tollgate.dataplane.sidecar.SidecarFixture.awaitLog;
import static io.tollgate.dataplane.sidecar.SidecarFixture.denyNamespaces;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's path with every part real: the {@code mysql} client and the MariaDB JDBC driver connect to the
 * sidecar's explicit listener for the placeholder RDS host, the sidecar carries them over mTLS to a real gateway,
 * which authorizes and relays to a real MariaDB.
 */
class SidecarMysqlTest {
    private static final HostPort RDS_3306 = new HostPort(RDS, PortNumber.of(3306));
    @RegisterExtension
    static final ShopDatabase mariadb = new ShopDatabase();
    private SidecarFixture fixture;
    private final InetAddress rdsAddress = SidecarFixture.freshLoopback();

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** A gateway routing the RDS host to MariaDB, and a sidecar whose RDS listener is pinned to a fresh address. */
    private SidecarServer sidecar(ConnectionAuthorizer authorizer, OutboundPolicy policy, List<String> subjectAltNames) {
        return sidecar(authorizer, policy, subjectAltNames, true);
    }

    private SidecarServer sidecar(ConnectionAuthorizer authorizer, OutboundPolicy policy, List<String> subjectAltNames,
                                  boolean tunnels) {
        fixture = new SidecarFixture(Map.of(RDS_3306, mariadb.address()), authorizer);
        return fixture.startSidecar(
                SidecarFixture.explicitSettings(new ExplicitListeners(Map.of(RDS, rdsAddress), Optional.empty()))
                        .withTunnels(tunnels),
                fixture.routesViaGateway("v1", policy, List.of(RDS_3306), host -> subjectAltNames));
    }



    private static MysqlClient.Result mysql(InetSocketAddress listener, String sql) throws Exception {
        return MysqlClient.run(List.of("--protocol=TCP", "-h" + listener.getAddress().getHostAddress(),
                "-P" + listener.getPort(), "-uroot", "--connect-timeout=30", "--batch", "--skip-column-names", "-e", sql));
    }

    @Test
    void theListenerForTheRdsHostCarriesJdbcAndTheMysqlClientThroughTheGateway() throws Exception {
        SidecarServer sidecar = sidecar(ConnectionAuthorizer.allowAll(), OutboundPolicy.REGISTRY_ONLY, List.of());
        assertThat(sidecar.listeners()).extracting(OutboundListener::line)
                .containsExactly("outbound rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306 -> " + rdsAddress.getHostAddress() + ":3306");
        InetSocketAddress listener = sidecar.listeners().getFirst().address();

        try (Connection connection = ShopDatabase.jdbc(listener)) {
            assertThat(ShopDatabase.item(connection)).isEqualTo("tollgate");
        }
        MysqlClient.Result cli = mysql(listener, "select 1");
        assertThat(cli.stderr()).isEmpty();
        assertThat(cli.stdout().strip()).isEqualTo("1");

        AccessLogEntry routed = awaitLog(fixture.sidecarLog, "a routed session", e -> e.bytesSent() > 0);
        assertThat(routed.destination()).contains(RDS + ":3306");
        assertThat(routed.upstreamAddress()).contains("127.0.0.1:" + fixture.gatewayAddress().getPort());
        assertThat(routed.sourcePrincipal()).contains(DEMO_SERVER.toString());
        assertThat(routed.responseFlag()).isEqualTo(ResponseFlag.NONE);
        AccessLogEntry arrived = awaitLog(fixture.gatewayLog, "the gateway's side", e -> e.bytesSent() > 0);
        assertThat(arrived.sourcePrincipal()).contains(DEMO_SERVER.toString());
        assertThat(arrived.serverName()).contains(RDS.value());
        assertThat(fixture.sidecarMetrics.count("istio.tcp.connections.opened", "destination_service", RDS + ":3306",
                "response_flags", "-", "source_workload_namespace", "demo-server")).isEqualTo(2);
    }

    @Test
    void theSeedsDenyClosesTheSessionBeforeTheGreeting() throws Exception {
        SidecarServer sidecar = sidecar(denyNamespaces("demo-server"), OutboundPolicy.REGISTRY_ONLY, List.of());

        MysqlClient.Result cli = mysql(sidecar.listeners().getFirst().address(), "select 1");

        assertThat(cli.exitCode()).isNotZero();
        assertThat(cli.stderr()).contains("ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial"
                + " communication packet'");
        AccessLogEntry denied = awaitLog(fixture.gatewayLog, "the denial", e -> e.responseFlag() == ResponseFlag.DENY);
        assertThat(denied.policy()).contains(SidecarFixture.SEED_POLICY.toString());
    }

    @Test
    void anUnregisteredHostIsBlackHoledUnderRegistryOnly() throws Exception {
        SidecarServer sidecar = sidecar(ConnectionAuthorizer.allowAll(), OutboundPolicy.REGISTRY_ONLY, List.of());
        InetSocketAddress unregistered = sidecar.listen(HostPort.of("unregistered.example.com", 3306),
                new InetSocketAddress(SidecarFixture.freshLoopback(), 0));

        MysqlClient.Result cli = mysql(unregistered, "select 1");

        assertThat(cli.stderr()).contains("ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial"
                + " communication packet'");
        AccessLogEntry entry = awaitLog(fixture.sidecarLog, "the black hole", e -> e.responseFlag() == ResponseFlag.BH);
        assertThat(entry.destination()).contains("unregistered.example.com:3306");
        assertThat(entry.upstreamAddress()).as("nothing is dialed").isEmpty();
        assertThat(entry.termination()).contains("REGISTRY_ONLY");
        assertThat(fixture.sidecarMetrics.count("istio.tcp.connections.opened", "response_flags", "BH",
                "destination_service", "BlackHoleCluster")).isEqualTo(1);
        assertThat(fixture.gatewayLog).as("the gateway never saw it").isEmpty();
    }

    @Test
    void underAllowAnyTheHostsLoopbackIsStillRefused() throws Exception {
        SidecarServer sidecar = sidecar(ConnectionAuthorizer.allowAll(), OutboundPolicy.ALLOW_ANY, List.of());
        // A workload asking for the database by its real address, which is the host's own loopback.
        InetSocketAddress direct = sidecar.listen(HostPort.of("127.0.0.1", mariadb.port()),
                new InetSocketAddress(SidecarFixture.freshLoopback(), 0));

        MysqlClient.Result cli = mysql(direct, "select 1");

        assertThat(cli.exitCode()).isNotZero();
        AccessLogEntry entry = awaitLog(fixture.sidecarLog, "the refusal", e -> e.responseFlag() == ResponseFlag.BH);
        assertThat(entry.termination()).contains("loopback");
        assertThat(entry.upstreamAddress()).isEmpty();
    }

    @Test
    void aGatewayWithAnIdentityTheRouteDoesNotNameIsRefused() throws Exception {
        String expected = "spiffe://cluster.local/ns/istio-system/sa/some-other-gateway";
        SidecarServer sidecar = sidecar(ConnectionAuthorizer.allowAll(), OutboundPolicy.REGISTRY_ONLY, List.of(expected));

        MysqlClient.Result cli = mysql(sidecar.listeners().getFirst().address(), "select 1");

        assertThat(cli.exitCode()).isNotZero();
        assertThat(cli.stdout()).isEmpty();
        AccessLogEntry entry = awaitLog(fixture.sidecarLog, "the refusal", e -> e.responseFlag() == ResponseFlag.UF);
        assertThat(entry.termination()).isEqualTo("upstream presented " + GATEWAY_ID + "; the route accepts only [" + expected + "]");
        assertThat(entry.bytesSent()).as("nothing from that peer reached the client").isZero();
    }

    @Test
    void aGatewayWithTheIdentityTheRouteNamesIsAccepted() throws Exception {
        SidecarServer sidecar = sidecar(ConnectionAuthorizer.allowAll(), OutboundPolicy.REGISTRY_ONLY,
                List.of("spiffe://cluster.local/ns/istio-system/sa/some-other-gateway", GATEWAY_ID.toString()));
        try (Connection connection = ShopDatabase.jdbc(sidecar.listeners().getFirst().address())) {
            assertThat(ShopDatabase.item(connection)).isEqualTo("tollgate");
        }
    }

    @Test
    void withoutTunnelsTheSecondConnectionToTheGatewayResumesTheTlsSession() throws Exception {
        SidecarServer sidecar = sidecar(ConnectionAuthorizer.allowAll(), OutboundPolicy.REGISTRY_ONLY, List.of(), false);
        InetSocketAddress listener = sidecar.listeners().getFirst().address();

        assertThat(mysql(listener, "select 1").stdout().strip()).isEqualTo("1");
        assertThat(mysql(listener, "select 2").stdout().strip()).isEqualTo("2");

        assertThat(fixture.sidecarMetrics.count("tollgate.upstream.tls.handshakes", "session", "full")).isEqualTo(1);
        assertThat(fixture.sidecarMetrics.count("tollgate.upstream.tls.handshakes", "session", "resumed")).isEqualTo(1);
        awaitLog(fixture.gatewayLog, "both sessions at the gateway", e -> fixture.gatewayLog.size() == 2);
        assertThat(fixture.gatewayLog).extracting(AccessLogEntry::sourcePrincipal)
                .as("the resumed session still carries the workload's identity")
                .containsOnly(Optional.of(DEMO_SERVER.toString()));
    }
}
