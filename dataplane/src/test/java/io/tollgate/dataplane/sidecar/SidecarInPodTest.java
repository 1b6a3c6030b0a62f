package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.capture.NamespacedListener;
import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.gateway.GatewayConfig;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.pod.HostName;
import io.tollgate.dataplane.pod.Pod;
import io.tollgate.dataplane.pod.PodSpec;
import io.tollgate.dataplane.pod.PodTesting;
import io.tollgate.dataplane.pod.Pods;
import io.tollgate.dataplane.testing.MariaDbServer;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.OutboundPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tollgate.dataplane.pod.PodTesting.COMMANDS;
import static io.tollgate.dataplane.pod.PodTesting.runIn;
import static io.tollgate.dataplane.sidecar.SidecarFixture.DEMO_SERVER;
import static io.tollgate.dataplane.sidecar.SidecarFixture.RDS;
import static io.tollgate.dataplane.sidecar.SidecarFixture.awaitLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The walk-through's own command in a real pod: {@code mysql --host rm-xxxxxxx...} resolves the placeholder host
 * through the pod's hosts file to its service address, the pod's iptables send the connection to the sidecar's
 * capture listener, and the sidecar carries it over mTLS to the gateway and on to MariaDB. Anything else the pod
 * dials, the database's real address included, is black-holed. Needs root; skipped otherwise.
 */
class SidecarInPodTest {
    private static final String PREFIX = "tg-sidecar-";
    private static final String ERROR_2013 = "ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial"
            + " communication packet'";
    private static final HostPort RDS_3306 = HostPort.of(RDS.value(), 3306);
    private static MariaDbServer mariadb;
    private final Pods pods = new Pods(PREFIX, COMMANDS);
    private SidecarFixture fixture;
    private SidecarServer sidecar;
    private Pod pod;

    @BeforeAll
    static void startDatabase() throws Exception {
        PodTesting.assumeRootWithNamespaces();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mysql")), "skipped: needs the mysql client (mariadb-client)");
        mariadb = MariaDbServer.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @BeforeEach
    void startPodAndSidecar() throws Exception {
        pods.removeLeftovers();
        fixture = new SidecarFixture(Map.of(RDS_3306, mariadb.address()), ConnectionAuthorizer.allowAll());
        pod = pods.create(PodSpec.withHosts(Map.of()));
        sidecar = fixture.startSidecar(
                SidecarSettings.inPod(new NamespacedListener(pod.namespaceFile(), pod.captureAddress(), 128),
                        pod.sourceAddress(), Duration.ofSeconds(5), Duration.ofMinutes(5), 2),
                fixture.routesViaGateway("v1", OutboundPolicy.REGISTRY_ONLY, List.of(RDS_3306), host -> List.of()));
        pod.updateHosts(sidecar.hosts());
    }

    @AfterEach
    void removePod() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        pods.removeLeftovers();
    }

    private PodTesting.Ran mysql(String host, int port) throws Exception {
        return runIn(pod, "mysql", "--no-defaults", "--connect-timeout=10", "--host", host, "--port", Integer.toString(port),
                "--user=root", "--batch", "--skip-column-names", "-e", "select 'through the mesh'");
    }

    @Test
    void theWalkThroughsCommandReachesTheDatabaseThroughSidecarAndGateway() throws Exception {
        InetAddress serviceAddress = sidecar.hosts().get(HostName.of(RDS.value()));
        assertThat(OutboundTable.isAutoAllocated(serviceAddress)).isTrue();
        assertThat(sidecar.captureAddress()).contains(pod.captureAddress());

        PodTesting.Ran ran = mysql(RDS.value(), 3306);

        assertThat(ran.output()).isEqualTo("through the mesh\n");
        assertThat(ran.exitStatus()).isZero();
        AccessLogEntry atSidecar = awaitLog(fixture.sidecarLog, "the session", e -> e.bytesSent() > 0);
        assertThat(atSidecar.destination()).contains(RDS + ":3306");
        assertThat(atSidecar.localAddress()).as("the address the workload dialled").isEqualTo(serviceAddress.getHostAddress() + ":3306");
        assertThat(atSidecar.responseFlag()).isEqualTo(ResponseFlag.NONE);
        AccessLogEntry atGateway = awaitLog(fixture.gatewayLog, "the session", e -> e.bytesSent() > 0);
        assertThat(atGateway.sourcePrincipal()).contains(DEMO_SERVER.toString());
        assertThat(atGateway.sourceAddress()).as("the pod's own source address")
                .startsWith(pod.sourceAddress().getHostAddress() + ":");
    }

    @Test
    void theDatabaseByItsRealAddressOrAnyOtherIsBlackHoled() throws Exception {
        PodTesting.Ran byLoopback = mysql("127.0.0.1", mariadb.port());
        PodTesting.Ran byOtherAddress = mysql("10.1.2.3", 3306);

        assertThat(byLoopback.output()).contains(ERROR_2013);
        assertThat(byOtherAddress.output()).contains(ERROR_2013);
        awaitLog(fixture.sidecarLog, "both refusals", e -> fixture.sidecarLog.size() == 2);
        assertThat(fixture.sidecarLog).allSatisfy(entry -> {
            assertThat(entry.responseFlag()).isEqualTo(ResponseFlag.BH);
            assertThat(entry.upstreamAddress()).isEmpty();
        });
        assertThat(fixture.sidecarLog).extracting(e -> e.destination().orElseThrow())
                .containsExactlyInAnyOrder("127.0.0.1:" + mariadb.port(), "10.1.2.3:3306");
        assertThat(fixture.sidecarMetrics.count("istio.tcp.connections.closed", "response_flags", "BH")).isEqualTo(2);
        assertThat(fixture.gatewayLog).isEmpty();
    }

    @Test
    void theSeedsDenyShowsTheWalkThroughsError() throws Exception {
        fixture.gateway.update(new GatewayConfig(
                fixture.gatewayRoutes(), SidecarFixture.denyNamespaces("demo-server")));

        PodTesting.Ran ran = mysql(RDS.value(), 3306);

        assertThat(ran.output()).contains(ERROR_2013);
        awaitLog(fixture.gatewayLog, "the denial", e -> e.responseFlag() == ResponseFlag.DENY);
    }
}
