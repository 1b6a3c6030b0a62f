package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.ShopDatabase;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.SidecarRoutes;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Explicit listeners on auto-allocated service addresses: the hosts file agrees with them, they follow route
 * updates without touching open sessions, and a DISABLE route is plain TCP straight to its endpoint.
 */
class SidecarListenersTest {
    @RegisterExtension
    static final ShopDatabase mariadb = new ShopDatabase();
    // Names of their own, so their service addresses (127.255.x.y, from the name) are not another run's.
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private final HostPort orders = HostPort.of("orders-" + run + ".db.test", 3306);
    private final HostPort billing = HostPort.of("billing-" + run + ".db.test", 3306);
    private SidecarFixture fixture;

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private SidecarRoutes routes(String version, HostPort... destinations) {
        return fixture.routesViaGateway(version, OutboundPolicy.REGISTRY_ONLY, List.of(destinations), host -> List.of());
    }

    @Test
    void listenersFollowRouteUpdatesAndTheHostsFileAgrees() throws Exception {
        fixture = new SidecarFixture(Map.of(orders, mariadb.address(), billing, mariadb.address()), ConnectionAuthorizer.allowAll());
        Path hostsFile = temp.resolve("hosts");
        SidecarServer sidecar = fixture.startSidecar(
                SidecarFixture.explicitSettings(new ExplicitListeners(Map.of(), Optional.of(hostsFile))), routes("v1", orders));

        OutboundListener first = sidecar.listeners().getFirst();
        InetAddress ordersAddress = first.address().getAddress();
        assertThat(OutboundTable.isAutoAllocated(ordersAddress)).isTrue();
        assertThat(first.address().getPort()).as("the service's own port").isEqualTo(3306);
        assertThat(Files.readString(hostsFile)).endsWith(ordersAddress.getHostAddress() + "\t" + orders.host() + "\n");
        assertThat(sidecar.hosts()).containsValue(ordersAddress).hasSize(1);

        try (Connection open = ShopDatabase.jdbc(first.address())) {
            assertThat(ShopDatabase.item(open)).isEqualTo("tollgate");

            sidecar.update(new SidecarConfig(routes("v2", billing)));

            assertThat(sidecar.listeners()).extracting(OutboundListener::destination).containsExactly(billing);
            InetSocketAddress billingListener = sidecar.listeners().getFirst().address();
            assertThat(Files.readString(hostsFile)).contains(billing.host().text()).doesNotContain(orders.host().text());
            Await.until("the removed host's listener is closed", () -> !accepts(first.address()));
            assertThat(ShopDatabase.item(open)).as("the open session is untouched").isEqualTo("tollgate");
            try (Connection added = ShopDatabase.jdbc(billingListener)) {
                assertThat(ShopDatabase.item(added)).isEqualTo("tollgate");
            }

            sidecar.update(new SidecarConfig(routes("v3", billing, orders)));
            assertThat(sidecar.listeners()).extracting(OutboundListener::address).as("a returning host keeps its address")
                    .contains(first.address());
        }
    }

    @Test
    void aListenerThatCannotBeBoundIsNamedAndTheUpdateChangesNothing() throws Exception {
        fixture = new SidecarFixture(Map.of(orders, mariadb.address(), billing, mariadb.address()), ConnectionAuthorizer.allowAll());
        InetAddress pinned = SidecarFixture.freshLoopback();
        SidecarServer sidecar = fixture.startSidecar(SidecarFixture.explicitSettings(
                new ExplicitListeners(Map.of((Hostname) billing.host(), pinned), Optional.empty())), routes("v1", orders));
        try (ServerSocket taken = new ServerSocket(3306, 1, pinned)) {
            assertThatThrownBy(() -> sidecar.update(new SidecarConfig(routes("v2", orders, billing))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("outbound " + billing + " -> " + pinned.getHostAddress() + ":3306: cannot listen on");
        }
        assertThat(sidecar.listeners()).extracting(OutboundListener::destination).containsExactly(orders);
        try (Connection connection = ShopDatabase.jdbc(sidecar.listeners().getFirst().address())) {
            assertThat(ShopDatabase.item(connection)).isEqualTo("tollgate");
        }
    }

    @Test
    void aDisabledTlsRouteIsPlainTcpStraightToItsEndpoint() throws Exception {
        fixture = new SidecarFixture(Map.of(), ConnectionAuthorizer.allowAll());
        Upstream direct = new Upstream((Hostname) orders.host(), orders.port(),
                List.of(Endpoint.of("127.0.0.1", mariadb.port())), Resolution.STATIC, new UpstreamTls.Disabled(),
                LoadBalancer.RANDOM);
        SidecarServer sidecar = fixture.startSidecar(SidecarFixture.explicitSettings(ExplicitListeners.auto()),
                SidecarFixture.routes("v1", OutboundPolicy.REGISTRY_ONLY, List.of(orders), destination -> direct));

        try (Connection connection = ShopDatabase.jdbc(sidecar.listeners().getFirst().address())) {
            assertThat(ShopDatabase.item(connection)).isEqualTo("tollgate");
        }
        AccessLogEntry entry = SidecarFixture.awaitLog(fixture.sidecarLog, "the direct session", e -> e.bytesSent() > 0);
        assertThat(entry.upstreamAddress()).contains("127.0.0.1:" + mariadb.port());
        assertThat(entry.responseFlag()).isEqualTo(ResponseFlag.NONE);
        assertThat(fixture.sidecarMetrics.count("tollgate.upstream.tls.handshakes")).isZero();
        assertThat(fixture.gatewayLog).isEmpty();
    }

    @Test
    void anUpstreamThatRefusesIsUpstreamFailure() throws Exception {
        fixture = new SidecarFixture(Map.of(), ConnectionAuthorizer.allowAll());
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Upstream nowhere = new Upstream((Hostname) orders.host(), orders.port(), List.of(Endpoint.of("127.0.0.1", closedPort)),
                Resolution.STATIC, new UpstreamTls.Disabled(), LoadBalancer.ROUND_ROBIN);
        Upstream unresolvable = new Upstream((Hostname) billing.host(), billing.port(), List.of(), Resolution.DNS,
                new UpstreamTls.Disabled(), LoadBalancer.ROUND_ROBIN);
        SidecarServer sidecar = fixture.startSidecar(SidecarFixture.explicitSettings(ExplicitListeners.auto()),
                SidecarFixture.routes("v1", OutboundPolicy.REGISTRY_ONLY, List.of(orders, billing),
                        destination -> destination.equals(orders) ? nowhere : unresolvable));

        for (OutboundListener listener : sidecar.listeners()) {
            try (Socket socket = new Socket(listener.address().getAddress(), listener.address().getPort())) {
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
        }
        AccessLogEntry refused = SidecarFixture.awaitLog(fixture.sidecarLog, "UF", e -> e.responseFlag() == ResponseFlag.UF);
        assertThat(refused.termination()).startsWith("upstream connect to 127.0.0.1:" + closedPort + " failed");
        AccessLogEntry unknown = SidecarFixture.awaitLog(fixture.sidecarLog, "UH", e -> e.responseFlag() == ResponseFlag.UH);
        assertThat(unknown.termination()).contains("cannot resolve " + billing.host());
    }



    private static boolean accepts(InetSocketAddress address) {
        try (Socket probe = new Socket(address.getAddress(), address.getPort())) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
