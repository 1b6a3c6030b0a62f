package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.SilentUpstream;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.SidecarRoutes;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tollgate.dataplane.sidecar.SidecarFixture.RDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workload that gives up while its database does not answer (SYNs dropped): the proxy dialing the database
 * closes its connect at once, the gateway for a tunnel stream the sidecar resets, the sidecar for a plain upstream,
 * instead of holding a socket and its SYN retries for the whole connect timeout (minutes here, so only the
 * abandonment can end it in time). Not tested: a gateway's TLS connection of its own, whose sidecar closes with
 * close_notify and a FIN, a half-close to the gateway, which goes on dialing (as Envoy's TCP proxy does).
 */
class AbandonedDialTest {
    private static final HostPort RDS_3306 = new HostPort(RDS, PortNumber.of(3306));
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(5);
    private SilentUpstream database;
    private SidecarFixture fixture;
    private final InetAddress rdsAddress = SidecarFixture.freshLoopback();

    @BeforeEach
    void silentDatabase() throws Exception {
        database = new SilentUpstream();
    }

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        database.close();
    }

    @Test
    void aWorkloadGoneBeforeTheGatewayAnswersItsStreamEndsTheGatewaysDial() throws Exception {
        InetSocketAddress listener = sidecarViaTunnel();

        leaveWhileDialing(listener);

        AccessLogEntry gatewaySide = SidecarFixture.awaitLog(fixture.gatewayLog, "the stream's line", e -> true);
        assertThat(gatewaySide.upstreamAddress()).as("it was dialing the database")
                .contains(database.address().getAddress().getHostAddress() + ":" + database.address().getPort());
        assertThat(gatewaySide.termination()).isEqualTo("downstream closed the connection");
        AccessLogEntry sidecarSide = SidecarFixture.awaitLog(fixture.sidecarLog, "the workload's line", e -> true);
        assertThat(sidecarSide.termination()).as("the workload's doing, not the gateway's").doesNotContain("gateway");
        assertThat(fixture.gateway.openTunnels()).as("the tunnel stays for the next connection").isEqualTo(1);
    }

    @Test
    void aWorkloadGoneBeforeItsPlainUpstreamConnectsEndsTheSidecarsDial() throws Exception {
        fixture = new SidecarFixture(Map.of(), ConnectionAuthorizer.allowAll());
        Upstream plain = new Upstream(RDS, PortNumber.of(3306),
                List.of(Endpoint.of(database.address().getAddress().getHostAddress(), database.address().getPort())),
                Resolution.STATIC, new UpstreamTls.Disabled(), LoadBalancer.ROUND_ROBIN);
        InetSocketAddress listener = startSidecar(SidecarFixture.routes("v1", OutboundPolicy.REGISTRY_ONLY,
                List.of(RDS_3306), destination -> plain));

        leaveWhileDialing(listener);

        AccessLogEntry sidecarSide = SidecarFixture.awaitLog(fixture.sidecarLog, "the workload's line", e -> true);
        assertThat(sidecarSide.upstreamAddress()).as("it was dialing the database")
                .contains(database.address().getAddress().getHostAddress() + ":" + database.address().getPort());
        assertThat(sidecarSide.responseFlag()).as("the workload left; the connect did not fail").isNotEqualTo(ResponseFlag.UF);
        assertThat(sidecarSide.termination()).doesNotContain("upstream connect");
    }

    /** Connects, waits until the database is being dialed, resets the connection, and waits for the dial to end. */
    private void leaveWhileDialing(InetSocketAddress listener) throws Exception {
        try (Socket workload = new Socket()) {
            workload.connect(listener);
            Await.until("a connect to the silent database in flight", () -> database.connectsInFlight() == 1);
            workload.setSoLinger(true, 0);
        }
        Await.until("no connect to the silent database left (the timeout is " + CONNECT_TIMEOUT + ")",
                () -> database.connectsInFlight() == 0);
    }

    private InetSocketAddress sidecarViaTunnel() {
        fixture = new SidecarFixture(Map.of(RDS_3306, database.address()), ConnectionAuthorizer.allowAll(), true,
                Protocol.TCP, CONNECT_TIMEOUT);
        return startSidecar(fixture.routesViaGateway("v1", OutboundPolicy.REGISTRY_ONLY, List.of(RDS_3306),
                host -> List.of()));
    }

    /** One event loop, so the connection rides the loop's one tunnel. */
    private InetSocketAddress startSidecar(SidecarRoutes routes) {
        SidecarServer sidecar = fixture.startSidecar(SidecarSettings.explicit(
                new ExplicitListeners(Map.of(RDS, rdsAddress), Optional.empty()), CONNECT_TIMEOUT,
                Duration.ofMinutes(5), 1), routes);
        return sidecar.listeners().getFirst().address();
    }
}
