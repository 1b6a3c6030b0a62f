package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.gateway.GatewayConfig;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.ShopDatabase;
import io.tollgate.dataplane.testing.MysqlClient;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tollgate.dataplane.sidecar.SidecarFixture.DEMO_SERVER;
import static io.tollgate.dataplane.sidecar.SidecarFixture.RDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workload connections carried as streams of one mTLS tunnel to a real gateway and a real MariaDB: one handshake
 * for many connections, each still routed, authorized, re-checked and logged on its own; a gateway that takes no
 * tunnels still served, one TLS connection per connection.
 */
class SidecarTunnelTest {
    private static final HostPort RDS_3306 = new HostPort(RDS, PortNumber.of(3306));
    private static final int CONNECTIONS = 5;
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

    /** One event loop, so every connection may share the one tunnel of that loop. */
    private InetSocketAddress sidecar(ConnectionAuthorizer authorizer, boolean gatewayTakesTunnels) {
        return sidecar(authorizer, gatewayTakesTunnels, Protocol.TCP);
    }

    private InetSocketAddress sidecar(ConnectionAuthorizer authorizer, boolean gatewayTakesTunnels, Protocol protocol) {
        fixture = new SidecarFixture(Map.of(RDS_3306, mariadb.address()), authorizer, gatewayTakesTunnels, protocol);
        SidecarServer sidecar = fixture.startSidecar(SidecarSettings.explicit(
                        new ExplicitListeners(Map.of(RDS, rdsAddress), Optional.empty()), Duration.ofSeconds(5),
                        Duration.ofMinutes(5), 1),
                fixture.routesViaGateway("v1", OutboundPolicy.REGISTRY_ONLY, List.of(RDS_3306), host -> List.of()));
        return sidecar.listeners().getFirst().address();
    }



    private long handshakes(String session) {
        return (long) fixture.sidecarMetrics.count("tollgate.upstream.tls.handshakes", "session", session);
    }

    @Test
    void manyConnectionsRideOneTunnelEachDecidedAndLoggedOnItsOwn() throws Exception {
        InetSocketAddress listener = sidecar(ConnectionAuthorizer.allowAll(), true);
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                open.add(ShopDatabase.jdbc(listener));
            }
            for (Connection connection : open) {
                assertThat(ShopDatabase.item(connection)).isEqualTo("tollgate");
            }
            assertThat(fixture.gateway.openTunnels()).isEqualTo(1);
            assertThat(fixture.gateway.openConnections()).isEqualTo(CONNECTIONS);
            assertThat(handshakes("full") + handshakes("resumed")).as("one TLS handshake for all").isEqualTo(1);
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
        Await.until("a gateway log line per connection", () -> fixture.gatewayLog.size() == CONNECTIONS);
        assertThat(fixture.gatewayLog).allSatisfy(line -> {
            assertThat(line.sourcePrincipal()).contains(DEMO_SERVER.toString());
            assertThat(line.serverName()).contains(RDS.value());
            assertThat(line.responseFlag()).isEqualTo(ResponseFlag.NONE);
            assertThat(line.bytesSent()).isPositive();
        });
        Await.until("the streams are closed at the gateway", () -> fixture.gateway.openConnections() == 0);
        assertThat(fixture.gateway.openTunnels()).as("the tunnel outlives its streams").isEqualTo(1);
    }

    @Test
    void aPolicyChangeClosesTheDeniedStreamsAndRefusesNewOnesWhileTheTunnelStays() throws Exception {
        InetSocketAddress listener = sidecar(ConnectionAuthorizer.allowAll(), true);
        try (Connection before = ShopDatabase.jdbc(listener)) {
            assertThat(ShopDatabase.item(before)).isEqualTo("tollgate");

            fixture.gateway.update(new GatewayConfig(fixture.gatewayRoutes(), SidecarFixture.denyNamespaces("demo-server")));

            assertThatThrownBy(() -> ShopDatabase.item(before)).as("the open stream is closed by the re-check")
                    .isInstanceOf(SQLException.class);
        }
        MysqlClient.Result refused = MysqlClient.run(List.of("--protocol=TCP", "-h" + listener.getAddress().getHostAddress(),
                "-P" + listener.getPort(), "-uroot", "--connect-timeout=30", "-e", "select 1"));
        assertThat(refused.stderr()).contains("ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial"
                + " communication packet'");
        AccessLogEntry sidecarSide = SidecarFixture.awaitLog(fixture.sidecarLog, "the refused stream",
                e -> e.responseFlag() == ResponseFlag.UC);
        assertThat(sidecarSide.termination()).contains("(403)").contains(SidecarFixture.SEED_POLICY.toString());

        fixture.gateway.update(new GatewayConfig(fixture.gatewayRoutes(), ConnectionAuthorizer.allowAll()));
        try (Connection after = ShopDatabase.jdbc(listener)) {
            assertThat(ShopDatabase.item(after)).isEqualTo("tollgate");
        }
        assertThat(fixture.gateway.openTunnels()).isEqualTo(1);
        assertThat(handshakes("full") + handshakes("resumed")).as("all on the first tunnel").isEqualTo(1);
    }

    @Test
    void aQuietConnectionClosedByAPolicyChangeEndsAtTheWorkloadWithoutWaitingForTraffic() throws Exception {
        InetSocketAddress listener = sidecar(ConnectionAuthorizer.allowAll(), true);
        try (Socket workload = new Socket()) {
            workload.connect(listener);
            // The server speaks first: the greeting says the stream reached MariaDB. Then nobody sends a byte, so
            // nothing but the re-check itself can carry the close to the sidecar.
            workload.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            InputStream in = workload.getInputStream();
            assertThat(in.read()).as("the greeting's first byte").isNotNegative();
            in.skipNBytes(in.available());

            fixture.gateway.update(new GatewayConfig(fixture.gatewayRoutes(), SidecarFixture.denyNamespaces("demo-server")));

            assertThat(drainToEnd(in)).as("the workload's connection ends (a read timeout fails the test)").isTrue();
        }
        AccessLogEntry gatewaySide = SidecarFixture.awaitLog(fixture.gatewayLog, "the re-checked stream",
                e -> e.responseFlag() == ResponseFlag.DENY);
        assertThat(gatewaySide.termination()).contains("denied by policy change");
        assertThat(fixture.gateway.openTunnels()).isEqualTo(1);
    }

    @Test
    void aWorkloadThatResetsAQuietConnectionFreesItsUpstreamAtOnce() throws Exception {
        InetSocketAddress listener = sidecar(ConnectionAuthorizer.allowAll(), true);
        try (Socket workload = new Socket()) {
            workload.connect(listener);
            assertThat(workload.getInputStream().read()).as("the greeting's first byte").isNotNegative();
            Await.until("the stream is open at the gateway", () -> fixture.gateway.openConnections() == 1);
            workload.setSoLinger(true, 0);
        }
        // A reset, not a FIN: the sidecar sees the close itself, outside any read, and nothing else crosses the tunnel.
        // MariaDB itself drops a connection stuck before its login after 10 s (connect_timeout): the line says who.
        AccessLogEntry gatewaySide = SidecarFixture.awaitLog(fixture.gatewayLog, "the stream's line", e -> true);
        assertThat(gatewaySide.termination()).contains("downstream closed the connection");
        Await.until("the gateway closes the upstream", () -> fixture.gateway.openConnections() == 0);
        assertThat(fixture.gateway.openTunnels()).isEqualTo(1);
    }

    /** Reads until the end of input (true) or a reset (true: the stream's reset may close before the FIN is read). */
    private static boolean drainToEnd(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                in.skipNBytes(in.available());
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void aDeniedWorkloadOnAMysqlPortIsToldWhyThroughTheTunnel() throws Exception {
        InetSocketAddress listener = sidecar(SidecarFixture.denyNamespaces("demo-server"), true, Protocol.MYSQL);

        MysqlClient.Result refused = MysqlClient.run(List.of("--protocol=TCP", "-h" + listener.getAddress().getHostAddress(),
                "-P" + listener.getPort(), "-uroot", "--connect-timeout=30", "--skip-ssl", "-e", "select 1"));

        assertThat(refused.stderr().strip()).isEqualTo("ERROR 1130 (HY000): Host '" + DEMO_SERVER + "' is not allowed to"
                + " connect to " + RDS + ":3306: denied by " + SidecarFixture.SEED_POLICY);
        AccessLogEntry gatewaySide = SidecarFixture.awaitLog(fixture.gatewayLog, "the denial",
                e -> e.responseFlag() == ResponseFlag.DENY);
        assertThat(gatewaySide.upstreamAddress()).as("nothing is dialed for a denied stream").isEmpty();
        assertThat(fixture.gateway.openTunnels()).as("the tunnel stays for the next connection").isEqualTo(1);
    }

    @Test
    void aGatewayThatTakesNoTunnelsGetsATlsConnectionPerConnection() throws Exception {
        InetSocketAddress listener = sidecar(ConnectionAuthorizer.allowAll(), false);
        for (int i = 0; i < 3; i++) {
            try (Connection connection = ShopDatabase.jdbc(listener)) {
                assertThat(ShopDatabase.item(connection)).isEqualTo("tollgate");
            }
        }
        assertThat(fixture.gateway.openTunnels()).isZero();
        // The first connection's attempt at a tunnel became its own connection: one handshake each, and the
        // gateway served every connection it saw (nothing dialed for nothing).
        assertThat(handshakes("full") + handshakes("resumed")).isEqualTo(3);
        Await.until("a gateway log line per connection", () -> fixture.gatewayLog.size() == 3);
        assertThat(fixture.gatewayLog).allSatisfy(line -> assertThat(line.bytesSent()).isPositive());
        assertThat(fixture.gatewayLog).allSatisfy(line -> assertThat(line.serverName()).contains(RDS.value()));
    }
}
