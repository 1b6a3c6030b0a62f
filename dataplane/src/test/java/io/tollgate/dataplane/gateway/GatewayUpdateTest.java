package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.DigestSink;
import io.tollgate.dataplane.testing.MtlsForwarder;
import io.tollgate.policy.route.GatewayListener;
import io.tollgate.policy.route.GatewayRoute;
import io.tollgate.policy.route.GatewayRoutes;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.RouteTarget;
import io.tollgate.policy.route.SniMatch;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.tollgate.dataplane.gateway.GatewayFixture.DEMO_SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route changes: new ports are bound, removed ports stop accepting, and open sessions are never dropped. */
class GatewayUpdateTest {
    private static final PortNumber NEW_PORT = PortNumber.of(13400);

    @Test
    void portsFollowTheRoutesWhileOpenSessionsCarryOn() throws Exception {
        try (DigestSink sink = new DigestSink();
             GatewayFixture fixture = new GatewayFixture(TestRoutes.routes(1, sink.address().getPort(), 1),
                     ConnectionAuthorizer.allowAll(), Map.of(TestRoutes.SINK, InetAddress.getLoopbackAddress()))) {
            MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.OTHER_PORT, Optional.of(TestRoutes.SINK.value()));
            try (Socket session = new Socket()) {
                session.connect(sidecar.address());
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] before = "before the update;".getBytes();
                session.getOutputStream().write(before);
                digest.update(before);
                Await.until("the session is relaying",
                        () -> fixture.metrics.count("tollgate.authz.decisions") == 1);

                RouteTarget sinkTarget = new RouteTarget(TestRoutes.SINK, PortNumber.of(sink.address().getPort()),
                        Protocol.TCP, Resolution.DNS, List.of());
                fixture.gateway.update(new GatewayConfig(GatewayRoutes.of("test-v2", List.of(new GatewayListener(NEW_PORT,
                        List.of(new GatewayRoute(SniMatch.parse("*"), sinkTarget, "test/v2"))))), ConnectionAuthorizer.allowAll()));

                assertThat(fixture.gateway.listenerAddress(TestRoutes.OTHER_PORT)).isEmpty();
                assertThat(fixture.gateway.listenerAddress(NEW_PORT)).isPresent();
                byte[] after = "after it".getBytes();
                session.getOutputStream().write(after);
                digest.update(after);
                session.shutdownOutput();
                assertThat(session.getInputStream().readAllBytes()).isEqualTo(digest.digest());
            }
            MtlsForwarder onNewPort = fixture.sidecar(DEMO_SERVER, NEW_PORT, Optional.empty());
            try (Socket fresh = new Socket()) {
                fresh.connect(onNewPort.address());
                fresh.getOutputStream().write("new".getBytes());
                fresh.shutdownOutput();
                assertThat(fresh.getInputStream().readAllBytes())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest("new".getBytes()));
            }
        }
    }

    @Test
    void aPortThatCannotBeBoundIsNamedAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             GatewayFixture fixture = new GatewayFixture(TestRoutes.routes(1, 1, 1), ConnectionAuthorizer.allowAll(), Map.of())) {
            PortNumber busy = PortNumber.of(taken.getLocalPort());
            GatewaySettings samePort = new GatewaySettings(ListenerAddresses.samePort(InetAddress.getLoopbackAddress()),
                    Duration.ofSeconds(1), Duration.ofMinutes(1), 1);
            GatewayDependencies dependencies = new GatewayDependencies(GatewayFixture.TRANSPORT,
                    fixture.pki.serverTls(GatewayFixture.GATEWAY_ID, Duration.ofSeconds(1)),
                    host -> CompletableFuture.failedFuture(new UnknownHostException(host.value())), entry -> {
                    }, fixture.metrics);
            GatewayRoutes clash = GatewayRoutes.of("clash", List.of(new GatewayListener(busy, List.of())));
            assertThatThrownBy(() -> GatewayServer.start(samePort, dependencies, new GatewayConfig(clash, ConnectionAuthorizer.allowAll())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gateway server port " + busy + ": cannot listen on");
        }
    }
}
