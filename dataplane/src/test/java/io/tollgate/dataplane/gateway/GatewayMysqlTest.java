package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.ShopDatabase;
import io.tollgate.dataplane.testing.MtlsForwarder;
import io.tollgate.dataplane.testing.MysqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import static io.tollgate.dataplane.gateway.GatewayFixture.DEMO_FRONTEND;
import static io.tollgate.dataplane.gateway.GatewayFixture.DEMO_SERVER;
import static io.tollgate.dataplane.gateway.GatewayFixture.RDS;
import static io.tollgate.dataplane.gateway.GatewayFixture.denyNamespaces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's path with real parts: a sidecar stand-in carries the real {@code mysql} client and the MariaDB JDBC
 * driver over mTLS to the gateway, which authorizes and relays to a real MariaDB.
 */
class GatewayMysqlTest {
    @RegisterExtension
    static final ShopDatabase mariadb = new ShopDatabase();

    private static GatewayFixture gateway(ConnectionAuthorizer authorizer) {
        return new GatewayFixture(TestRoutes.routes(mariadb.port(), 1, 1), authorizer,
                Map.of(RDS, InetAddress.getLoopbackAddress()));
    }

    private static Connection jdbc(MtlsForwarder sidecar) throws SQLException {
        return ShopDatabase.jdbc(new InetSocketAddress(InetAddress.getLoopbackAddress(), sidecar.port()));
    }


    @Test
    void anAllowedWorkloadQueriesThroughTheGatewayWithJdbcAndTheMysqlClient() throws Exception {
        // The seed's policy as written: DENY demo-frontend, so demo-server passes.
        try (GatewayFixture fixture = gateway(denyNamespaces("demo-frontend"))) {
            MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.TCP_PORT, Optional.of(RDS.value()));
            try (Connection connection = jdbc(sidecar)) {
                assertThat(ShopDatabase.item(connection)).isEqualTo("tollgate");
            }
            MysqlClient.Result cli = MysqlClient.query(sidecar.port(), "SELECT CONCAT('via-', item) FROM shop.orders");
            assertThat(cli.stderr()).isEmpty();
            assertThat(cli.stdout().strip()).isEqualTo("via-tollgate");

            AccessLogEntry entry = fixture.awaitLog("an allowed session", e -> e.decision().equals(Optional.of("allow")));
            assertThat(entry.sourcePrincipal()).contains(DEMO_SERVER.toString());
            assertThat(entry.serverName()).contains(RDS.value());
            assertThat(entry.destination()).contains(RDS + ":3306");
            assertThat(entry.upstreamAddress()).contains("127.0.0.1:" + mariadb.port());
            assertThat(entry.responseFlag()).isEqualTo(ResponseFlag.NONE);
            assertThat(entry.bytesReceived()).isPositive();
            assertThat(entry.bytesSent()).isPositive();
            assertThat(fixture.metrics.count("tollgate.authz.decisions", "decision", "allow", "policy", "none")).isEqualTo(2);
        }
    }

    @Test
    void aDeniedWorkloadOnATcpPortSeesTheConnectionLostBeforeTheGreeting() throws Exception {
        try (GatewayFixture fixture = gateway(denyNamespaces("demo-server"))) {
            MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.TCP_PORT, Optional.of(RDS.value()));
            MysqlClient.Result cli = MysqlClient.query(sidecar.port(), "SELECT 1");
            assertThat(cli.exitCode()).isNotZero();
            assertThat(cli.stderr()).contains(
                    "ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial communication packet'");

            AccessLogEntry entry = fixture.awaitLog("a denial", e -> e.responseFlag() == ResponseFlag.DENY);
            assertThat(entry.policy()).contains("istio-system/egress-rds-by-namespace");
            assertThat(entry.upstreamAddress()).as("nothing is dialed for a denied connection").isEmpty();
            assertThat(fixture.metrics.count("tollgate.authz.decisions", "decision", "deny",
                    "policy", "istio-system/egress-rds-by-namespace")).isEqualTo(1);
        }
    }

    @Test
    void aDeniedWorkloadOnAMysqlPortIsToldWhyByAMysqlError() throws Exception {
        try (GatewayFixture fixture = gateway(denyNamespaces("demo-server"))) {
            MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.MYSQL_PORT, Optional.of(RDS.value()));
            String why = "Host 'spiffe://cluster.local/ns/demo-server/sa/default' is not allowed to connect to"
                    + " rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306: denied by istio-system/egress-rds-by-namespace";
            // A client that does not ask the server for TLS prints the error as a server's refusal.
            MysqlClient.Result plain = MysqlClient.query(sidecar.port(), "SELECT 1", "--skip-ssl");
            assertThat(plain.stderr().strip()).isEqualTo("ERROR 1130 (HY000): " + why);
            // MariaDB 10.11's client asks for TLS by default and then flags the error as unauthenticated, naming it.
            MysqlClient.Result defaults = MysqlClient.query(sidecar.port(), "SELECT 1");
            assertThat(defaults.stderr()).contains("1130 - " + why);

            assertThatThrownBy(() -> jdbc(sidecar))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1130))
                    .hasMessageContaining("denied by istio-system/egress-rds-by-namespace");
        }
    }

    @Test
    void aPolicyChangeClosesOnlySessionsItNowDenies() throws Exception {
        try (GatewayFixture fixture = gateway(ConnectionAuthorizer.allowAll())) {
            MtlsForwarder server = fixture.sidecar(DEMO_SERVER, TestRoutes.TCP_PORT, Optional.of(RDS.value()));
            MtlsForwarder frontend = fixture.sidecar(DEMO_FRONTEND, TestRoutes.TCP_PORT, Optional.of(RDS.value()));
            try (Connection serverSession = jdbc(server); Connection frontendSession = jdbc(frontend)) {
                assertThat(ShopDatabase.item(serverSession)).isEqualTo("tollgate");
                assertThat(ShopDatabase.item(frontendSession)).isEqualTo("tollgate");

                fixture.setPolicy(denyNamespaces("demo-frontend"));

                fixture.awaitLog("the frontend session closed by the change",
                        e -> e.termination().startsWith("closed: denied by policy change"));
                assertThat(ShopDatabase.item(serverSession)).as("still allowed: untouched").isEqualTo("tollgate");
                assertThatThrownBy(() -> ShopDatabase.item(frontendSession)).isInstanceOf(SQLException.class);
                AccessLogEntry closed = fixture.log.stream()
                        .filter(e -> e.termination().startsWith("closed: denied by policy change")).findFirst().orElseThrow();
                assertThat(closed.sourcePrincipal()).contains(DEMO_FRONTEND.toString());
                assertThat(closed.responseFlag()).isEqualTo(ResponseFlag.DENY);
                assertThat(closed.policy()).contains("istio-system/egress-rds-by-namespace");
            }
            Await.until("both sessions logged", () -> fixture.log.size() >= 2);
            assertThat(fixture.log).filteredOn(e -> e.termination().startsWith("closed: denied")).hasSize(1);
        }
    }
}
