package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.AdminServer;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.DigestSink;
import io.tollgate.dataplane.testing.MtlsForwarder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import static io.tollgate.dataplane.gateway.GatewayFixture.DEMO_SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk bytes through sidecar stand-in and gateway, the metrics page, and the drain on shutdown. */
class GatewayTransferTest {
    private static final long BIG = 256L * 1024 * 1024;
    private DigestSink sink;
    private GatewayFixture fixture;

    @BeforeEach
    void start() throws IOException {
        sink = new DigestSink();
        fixture = new GatewayFixture(TestRoutes.routes(1, sink.address().getPort(), 1), ConnectionAuthorizer.allowAll(),
                Map.of(TestRoutes.SINK, InetAddress.getLoopbackAddress()));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        sink.close();
    }

    private MtlsForwarder sidecar() {
        return fixture.sidecar(DEMO_SERVER, TestRoutes.OTHER_PORT, Optional.of(TestRoutes.SINK.value()));
    }

    /** Writes {@code size} pseudo-random bytes, returning their SHA-256. */
    private static byte[] send(OutputStream out, long size, long seed) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[256 * 1024];
        for (long sent = 0; sent < size; sent += chunk.length) {
            for (int i = 0; i < chunk.length; i += 8) {
                long value = random.nextLong();
                for (int b = 0; b < 8; b++) {
                    chunk[i + b] = (byte) (value >>> (8 * b));
                }
            }
            int n = (int) Math.min(chunk.length, size - sent);
            out.write(chunk, 0, n);
            digest.update(chunk, 0, n);
        }
        return digest.digest();
    }

    @Test
    void aLargeTransferArrivesIntactAndIsCounted() throws Exception {
        MtlsForwarder sidecar = sidecar();
        try (Socket socket = new Socket()) {
            socket.connect(sidecar.address());
            byte[] expected = send(socket.getOutputStream(), BIG, 42);
            socket.shutdownOutput();
            byte[] received = socket.getInputStream().readAllBytes();
            assertThat(HexFormat.of().formatHex(received)).isEqualTo(HexFormat.of().formatHex(expected));
        }
        AccessLogEntry entry = fixture.awaitLog("the transfer", e -> e.bytesReceived() == BIG);
        assertThat(entry.bytesSent()).isEqualTo(32);
        assertThat(fixture.metrics.count("istio.tcp.received.bytes", "destination_service", "sink.test:" + sink.address().getPort()))
                .isEqualTo((double) BIG);
    }

    @Test
    void theAdminPageServesMetricsAndReadiness() throws Exception {
        MtlsForwarder sidecar = sidecar();
        try (Socket socket = new Socket()) {
            socket.connect(sidecar.address());
            send(socket.getOutputStream(), 1000, 1);
            socket.shutdownOutput();
            assertThat(socket.getInputStream().readAllBytes()).hasSize(32);
        }
        fixture.awaitLog("the session", e -> e.bytesReceived() == 1000);
        try (AdminServer admin = AdminServer.start(GatewayFixture.TRANSPORT, fixture.clientLoops,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), fixture.metrics, fixture.gateway::ready)) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + admin.address().getPort());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("istio_tcp_connections_opened_total{destination_service=\"sink.test:" + sink.address().getPort()
                            + "\",response_flags=\"-\",source_principal=\"spiffe://cluster.local/ns/demo-server/sa/default\","
                            + "source_workload_namespace=\"demo-server\"} 1.0")
                    .contains("istio_tcp_connections_closed_total{")
                    .contains("istio_tcp_received_bytes_total{")
                    .contains("istio_tcp_sent_bytes_total{")
                    .contains("tollgate_authz_decisions_total{decision=\"allow\",policy=\"none\"} 1.0");
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            fixture.stopGateway(Duration.ZERO);
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void shutdownStopsAcceptingButLetsOpenSessionsFinish() throws Exception {
        MtlsForwarder sidecar = sidecar();
        InetSocketAddress listener = fixture.listener(TestRoutes.OTHER_PORT);
        try (Socket socket = new Socket()) {
            socket.connect(sidecar.address());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] first = "before shutdown;".getBytes();
            socket.getOutputStream().write(first);
            digest.update(first);
            Await.until("the session is relaying", () -> fixture.gateway.openConnections() == 1
                    && fixture.log.isEmpty() && fixture.metrics.count("tollgate.authz.decisions") == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> fixture.stopGateway(Duration.ofMinutes(1)));
            Await.until("the listener is closed", () -> !accepts(listener));

            byte[] second = "after shutdown began".getBytes();
            socket.getOutputStream().write(second);
            digest.update(second);
            socket.shutdownOutput();
            assertThat(socket.getInputStream().readAllBytes()).isEqualTo(digest.digest());
            stopping.get();
        }
        assertThat(fixture.gateway.openConnections()).isZero();
        assertThatThrownBy(() -> new Socket(listener.getAddress(), listener.getPort()).close()).isInstanceOf(ConnectException.class);
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket probe = new Socket(address.getAddress(), address.getPort())) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
