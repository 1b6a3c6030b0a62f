package io.tollgate.cli.proxy;

import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.sidecar.ExplicitListeners;
import io.tollgate.dataplane.sidecar.OutboundListener;
import io.tollgate.dataplane.testing.MariaDbServer;
import io.tollgate.dataplane.testing.MysqlClient;
import io.tollgate.policy.route.PortNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.tollgate.cli.proxy.LocalMesh.POLICY;
import static io.tollgate.cli.proxy.LocalMesh.RDS;
import static io.tollgate.cli.proxy.LocalMesh.awaitLog;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-through end to end with the real pieces: control plane on the seed's files, a gateway agent and a sidecar
 * agent that bootstrap from join tokens, a real MariaDB, the real {@code mysql} client and a JDBC driver through the
 * sidecar's listener. Policy edits go through the files, the control plane and the gateway's configuration stream.
 */
class ProxyAgentsTest {
    private static final String ERROR_2013 = "ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial"
            + " communication packet'";
    private static MariaDbServer database;

    @TempDir
    Path dir;
    private LocalMesh mesh;
    private GatewayAgent gateway;
    private SidecarAgent sidecar;
    private InetAddress listenerAddress;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = MariaDbServer.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void startMesh() throws Exception {
        mesh = new LocalMesh(dir, database);
        gateway = mesh.startGateway();
        listenerAddress = freshLoopback();
        sidecar = mesh.startSidecar(gateway, new SidecarInbound.Explicit(
                new ExplicitListeners(Map.of(RDS, listenerAddress), Optional.empty())));
    }

    @AfterEach
    void stopMesh() throws Exception {
        mesh.close();
    }

    private MysqlClient.Result mysql() throws Exception {
        return MysqlClient.run(java.util.List.of("--protocol=TCP", "-h" + listenerAddress.getHostAddress(), "-P3306",
                "-uroot", "--connect-timeout=20", "--batch", "--skip-column-names", "-e", "select 'through the mesh'"));
    }

    @Test
    void bothAgentsRunTheControlPlanesVersionAndTheSidecarAnnouncesItsListener() {
        assertThat(gateway.appliedVersion()).isEqualTo(mesh.controlPlane.version());
        assertThat(sidecar.appliedVersion()).isEqualTo(mesh.controlPlane.version());
        assertThat(gateway.identity().toString()).isEqualTo("spiffe://cluster.local/ns/istio-system/sa/istio-egressgateway-service-account");
        assertThat(sidecar.identity().toString()).isEqualTo("spiffe://cluster.local/ns/demo-server/sa/default");
        assertThat(gateway.listeners()).containsOnlyKeys(PortNumber.of(13306));
        assertThat(sidecar.listeners()).extracting(OutboundListener::line)
                .containsExactly("outbound " + RDS + ":3306 -> " + listenerAddress.getHostAddress() + ":3306");
        assertThat(gateway.ready()).isTrue();
        assertThat(sidecar.ready()).isTrue();
    }

    @Test
    void withTheSeedsPolicyAsWrittenDemoServerReachesTheDatabaseByMysqlAndJdbc() throws Exception {
        MysqlClient.Result ran = mysql();

        assertThat(ran.stderr()).isEmpty();
        assertThat(ran.stdout()).isEqualTo("through the mesh\n");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + listenerAddress.getHostAddress()
                + ":3306/?user=root&connectTimeout=20000");
             ResultSet result = connection.createStatement().executeQuery("select 6 * 7")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
        AccessLogEntry atGateway = awaitLog(mesh.gatewayLog, "the mysql session", e -> e.bytesSent() > 0);
        assertThat(atGateway.sourcePrincipal()).contains("spiffe://cluster.local/ns/demo-server/sa/default");
        assertThat(atGateway.serverName()).contains(RDS.value());
        assertThat(atGateway.decision()).contains("allow");
        assertThat(atGateway.upstreamAddress()).contains("127.0.0.1:" + database.port());
        awaitLog(mesh.sidecarLog, "the sidecar's side", e -> e.responseFlag() == ResponseFlag.NONE && e.bytesSent() > 0);
    }

    @Test
    void policyEditsReachTheGatewayDenyThenAllowAndAnInvalidEditIsRefused() throws Exception {
        String denying = mesh.editAndAwaitVersion(POLICY, "- demo-frontend", "- demo-server");
        assertThat(gateway.awaitVersion(denying, Duration.ofSeconds(20))).isTrue();

        MysqlClient.Result denied = mysql();

        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains(ERROR_2013);
        AccessLogEntry denial = awaitLog(mesh.gatewayLog, "the denial", e -> e.responseFlag() == ResponseFlag.DENY);
        assertThat(denial.policy()).contains("istio-system/egress-rds-by-namespace");
        assertThat(gateway.metrics().count("tollgate.authz.decisions", "decision", "deny")).isEqualTo(1);

        String allowing = mesh.editAndAwaitVersion(POLICY, "action: DENY", "action: ALLOW");
        assertThat(gateway.awaitVersion(allowing, Duration.ofSeconds(20))).isTrue();

        assertThat(mysql().stdout()).isEqualTo("through the mesh\n");

        mesh.replace(POLICY, "action: ALLOW", "action: ALOW");
        io.tollgate.dataplane.testing.Await.until("the control plane to refuse the edit",
                () -> mesh.controlPlane.status().rejection().isPresent());
        assertThat(mesh.controlPlane.version()).isEqualTo(allowing);
        assertThat(gateway.appliedVersion()).isEqualTo(allowing);
        assertThat(mysql().stdout()).isEqualTo("through the mesh\n");
    }

    @Test
    void theAdminPortServesTheGatewaysMetrics() throws Exception {
        assertThat(mysql().exitCode()).isZero();
        awaitLog(mesh.gatewayLog, "the session", e -> e.bytesSent() > 0);

        String metrics = httpGet(gateway.adminAddress(), "/metrics");

        assertThat(metrics).startsWith("HTTP/1.1 200");
        assertThat(metrics).contains("istio_tcp_connections_opened_total{")
                .contains("source_principal=\"spiffe://cluster.local/ns/demo-server/sa/default\"");
        assertThat(httpGet(sidecar.adminAddress(), "/ready")).startsWith("HTTP/1.1 200");
    }

    private static String httpGet(InetSocketAddress address, String path) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: admin\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A loopback address of its own for each test, so parallel runs never contend for port 3306. */
    static InetAddress freshLoopback() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(1, 250), (byte) random.nextInt(256),
                (byte) random.nextInt(1, 255)});
    }
}
