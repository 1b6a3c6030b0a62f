package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.dataplane.testing.DigestSink;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static io.tollgate.dataplane.sidecar.SidecarFixture.RDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk bytes over a tunnel stream, through a real sidecar, a real gateway and mTLS: many times the stream's and the
 * tunnel's flow-control windows, so the stream's back-pressure (a socket read only while the stream is writable, a
 * window given back only once written on) is what keeps it moving; the workload's half-close travels as END_STREAM
 * and the answer comes back after it; both ends count every byte.
 */
class SidecarTunnelTransferTest {
    private static final long BIG = 64L * 1024 * 1024;
    private static final HostPort SINK_PORT = new HostPort(RDS, PortNumber.of(3306));
    private SidecarFixture fixture;
    private DigestSink sink;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void aLargeTransferThroughATunnelArrivesIntactHalfClosedAndCounted() throws Exception {
        sink = new DigestSink();
        fixture = new SidecarFixture(Map.of(SINK_PORT, sink.address()), ConnectionAuthorizer.allowAll(), true, Protocol.TCP);
        InetAddress listenerAddress = SidecarFixture.freshLoopback();
        SidecarServer sidecar = fixture.startSidecar(SidecarSettings.explicit(
                        new ExplicitListeners(Map.of(RDS, listenerAddress), Optional.empty()), Duration.ofSeconds(5),
                        Duration.ofMinutes(5), 1),
                fixture.routesViaGateway("v1", OutboundPolicy.REGISTRY_ONLY, List.of(SINK_PORT), host -> List.of()));
        InetSocketAddress listener = sidecar.listeners().getFirst().address();

        try (Socket socket = new Socket()) {
            socket.connect(listener);
            byte[] expected = send(socket.getOutputStream(), BIG, 7);
            socket.shutdownOutput();
            byte[] received = socket.getInputStream().readAllBytes();
            assertThat(HexFormat.of().formatHex(received)).isEqualTo(HexFormat.of().formatHex(expected));
        }

        AccessLogEntry gatewaySide = SidecarFixture.awaitLog(fixture.gatewayLog, "the gateway's line",
                e -> e.bytesReceived() == BIG);
        assertThat(gatewaySide.bytesSent()).isEqualTo(32);
        assertThat(gatewaySide.responseFlag()).isEqualTo(ResponseFlag.NONE);
        AccessLogEntry sidecarSide = SidecarFixture.awaitLog(fixture.sidecarLog, "the sidecar's line",
                e -> e.bytesReceived() == BIG);
        assertThat(sidecarSide.bytesSent()).isEqualTo(32);
        assertThat(fixture.gateway.openTunnels()).as("one tunnel carried it").isEqualTo(1);
    }

    /** Writes {@code size} pseudo-random bytes, returning their SHA-256. */
    private static byte[] send(OutputStream out, long size, long seed) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[256 * 1024];
        for (long sent = 0; sent < size; sent += chunk.length) {
            random.nextBytes(chunk);
            int n = (int) Math.min(chunk.length, size - sent);
            out.write(chunk, 0, n);
            digest.update(chunk, 0, n);
        }
        return digest.digest();
    }
}
