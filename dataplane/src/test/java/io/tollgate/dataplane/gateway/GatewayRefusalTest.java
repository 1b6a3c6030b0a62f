package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.testing.DigestSink;
import io.tollgate.dataplane.testing.MtlsForwarder;
import io.tollgate.dataplane.testing.MysqlClient;
import io.tollgate.dataplane.testing.TestPki;
import io.tollgate.dataplane.tls.MeshClientTls;
import io.tollgate.identity.SpiffeTrustManager;
import io.tollgate.identity.WorkloadCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static io.tollgate.dataplane.gateway.GatewayFixture.DEMO_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway refuses, and that refusing one connection never disturbs the others. */
class GatewayRefusalTest {
    private DigestSink sink;
    private GatewayFixture fixture;

    @BeforeEach
    void start() throws IOException {
        sink = new DigestSink();
        int refusing;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusing = closed.getLocalPort(); // free once closed: connecting there is refused
        }
        fixture = new GatewayFixture(TestRoutes.routes(1, sink.address().getPort(), refusing),
                ConnectionAuthorizer.allowAll(), Map.of(TestRoutes.SINK, InetAddress.getLoopbackAddress(),
                TestRoutes.REFUSING, InetAddress.getLoopbackAddress()), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        sink.close();
    }

    /** Sends {@code text} through a sidecar to the sink and returns the sink's digest of what arrived. */
    private static String roundTrip(MtlsForwarder sidecar, String text) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(sidecar.address());
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            return HexFormat.of().formatHex(socket.getInputStream().readAllBytes());
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Connects, writes raw bytes (then optionally half-closes), and reads until the gateway hangs up. */
    private static byte[] rawBytes(InetSocketAddress gateway, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(gateway);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(bytes);
            socket.shutdownOutput();
            try (InputStream in = socket.getInputStream()) {
                return in.readAllBytes();
            } catch (java.net.SocketException reset) {
                return new byte[0];
            }
        }
    }

    private MtlsForwarder sinkSidecar() {
        return fixture.sidecar(DEMO_SERVER, TestRoutes.OTHER_PORT, Optional.of(TestRoutes.SINK.value()));
    }

    @Test
    void plaintextOnTheMtlsPortIsRefusedCountedAndHarmless() throws Exception {
        byte[] answer = rawBytes(fixture.listener(TestRoutes.TCP_PORT),
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("HTTP");
        fixture.awaitLog("the plaintext connection", e -> e.responseFlag() == ResponseFlag.DPE);
        assertThat(fixture.handshakeFailures("not_tls")).isEqualTo(1);

        assertThat(roundTrip(sinkSidecar(), "still serving")).isEqualTo(sha256("still serving"));
    }

    @Test
    void aTruncatedClientHelloIsCountedAndTheGatewayGoesOn() throws Exception {
        // A TLS handshake record announcing 512 bytes of ClientHello, of which only a few arrive.
        byte[] truncated = HexFormat.of().parseHex("160301020001" + "0001fc0303" + "00".repeat(10));
        rawBytes(fixture.listener(TestRoutes.TCP_PORT), truncated);
        AccessLogEntry entry = fixture.awaitLog("the truncated hello", e -> e.responseFlag() == ResponseFlag.DPE);
        assertThat(entry.sourcePrincipal()).isEmpty();
        assertThat(fixture.handshakeFailures("closed_early") + fixture.handshakeFailures("protocol_error")).isEqualTo(1);

        assertThat(roundTrip(sinkSidecar(), "after garbage")).isEqualTo(sha256("after garbage"));
    }

    @Test
    void theMysqlClientStraightToTheGatewayGetsNothingAndTimesOut() throws Exception {
        // A plaintext MySQL client waits for a greeting; the gateway waits for a ClientHello; the handshake times out.
        MysqlClient.Result cli = MysqlClient.query(fixture.listener(TestRoutes.TCP_PORT).getPort(), "SELECT 1");
        assertThat(cli.stderr()).contains("ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial communication packet'");
        fixture.awaitLog("the timed-out handshake", e -> e.responseFlag() == ResponseFlag.DPE);
        assertThat(fixture.handshakeFailures("timeout")).isEqualTo(1);
    }

    @Test
    void aClientWithoutAMeshCertificateIsRefusedAtTheHandshake() throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, new TrustManager[]{new TrustingEverything()}, null);
        InetSocketAddress gateway = fixture.listener(TestRoutes.TCP_PORT);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(gateway.getAddress(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            socket.startHandshake(); // in TLS 1.3 the client finishes first; the server's verdict follows
            int first;
            try {
                first = socket.getInputStream().read();
            } catch (IOException refused) {
                first = -1;
            }
            assertThat(first).isEqualTo(-1);
        }
        fixture.awaitLog("the certificate-less client", e -> e.responseFlag() == ResponseFlag.DPE);
        assertThat(fixture.handshakeFailures("peer_rejected")).isEqualTo(1);
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        WorkloadCredentials stranger = new TestPki().credentials(DEMO_SERVER);
        MtlsForwarder outsider = MtlsForwarder.start(GatewayFixture.TRANSPORT, fixture.clientLoops,
                new MeshClientTls(() -> stranger, fixture.pki.verifier(), SpiffeTrustManager.Observer.NONE, Duration.ofSeconds(5)),
                fixture.listener(TestRoutes.OTHER_PORT), Optional.of(TestRoutes.SINK.value()));
        try {
            assertThat(roundTrip(outsider, "let me in")).isEmpty();
        } finally {
            outsider.close();
        }
        fixture.awaitLog("the outsider", e -> e.responseFlag() == ResponseFlag.DPE);
        assertThat(fixture.handshakeFailures("peer_rejected")).isEqualTo(1);
        assertThat(fixture.metrics.count("tollgate.peer.rejections", "reason", "untrusted_ca")).isEqualTo(1);
    }

    @Test
    void aServerNameWithoutARouteIsRefused() throws Exception {
        MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.MYSQL_PORT, Optional.of("other.example.com"));
        assertThat(roundTrip(sidecar, "anything")).isEmpty();
        AccessLogEntry entry = fixture.awaitLog("no route", e -> e.responseFlag() == ResponseFlag.NR);
        assertThat(entry.serverName()).contains("other.example.com");
        assertThat(entry.termination()).contains("no route for port 13307 and server name other.example.com");
        assertThat(entry.upstreamAddress()).isEmpty();
        assertThat(fixture.metrics.count("istio.tcp.connections.opened", "response_flags", "NR")).isEqualTo(1);
    }

    @Test
    void noSniOnAnSniOnlyListenerIsNoRoute() throws Exception {
        MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.MYSQL_PORT, Optional.empty());
        assertThat(roundTrip(sidecar, "anything")).isEmpty();
        fixture.awaitLog("no route", e -> e.responseFlag() == ResponseFlag.NR);
    }

    @Test
    void aDestinationThatDoesNotResolveIsNoHealthyUpstream() throws Exception {
        MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.OTHER_PORT, Optional.of(TestRoutes.UNRESOLVABLE.value()));
        assertThat(roundTrip(sidecar, "anything")).isEmpty();
        AccessLogEntry entry = fixture.awaitLog("UH", e -> e.responseFlag() == ResponseFlag.UH);
        assertThat(entry.termination()).contains("cannot resolve nowhere.test");
    }

    @Test
    void aDestinationThatRefusesIsUpstreamFailure() throws Exception {
        MtlsForwarder sidecar = fixture.sidecar(DEMO_SERVER, TestRoutes.OTHER_PORT, Optional.of(TestRoutes.REFUSING.value()));
        assertThat(roundTrip(sidecar, "anything")).isEmpty();
        AccessLogEntry entry = fixture.awaitLog("UF", e -> e.responseFlag() == ResponseFlag.UF);
        assertThat(entry.upstreamAddress()).isPresent();
        assertThat(fixture.metrics.count("istio.tcp.connections.closed", "response_flags", "UF")).isEqualTo(1);
    }

    /** Accepts any server: this client's point is that it has no certificate of its own. */
    private static final class TrustingEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
