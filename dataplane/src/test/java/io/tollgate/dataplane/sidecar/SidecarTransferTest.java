package io.tollgate.dataplane.sidecar;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.tollgate.dataplane.gateway.ConnectionAuthorizer;
import io.tollgate.dataplane.observe.AccessLogEntry;
import io.tollgate.dataplane.testing.Await;
import io.tollgate.dataplane.testing.DigestSink;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.OutboundPolicy;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk bytes through the sidecar and the gateway: every byte arrives, in order, and memory stays bounded. */
class SidecarTransferTest {
    private static final long ONE_GIB = 1L << 30;
    /** Far below what a relay without backpressure would pile up, far above what one in-flight batch needs. */
    private static final long MEMORY_BOUND = 64L << 20;
    private static final HostPort SINK = HostPort.of("sink.example.com", 9000);

    @Test
    void aGibibyteArrivesIntactWithBoundedMemory() throws Exception {
        try (DigestSink sink = new DigestSink();
             SidecarFixture fixture = new SidecarFixture(Map.of(SINK, sink.address()), ConnectionAuthorizer.allowAll())) {
            InetAddress listenOn = SidecarFixture.freshLoopback();
            SidecarServer sidecar = fixture.startSidecar(SidecarFixture.explicitSettings(
                            new ExplicitListeners(Map.of((Hostname) SINK.host(), listenOn), Optional.empty())),
                    fixture.routesViaGateway("v1", OutboundPolicy.REGISTRY_ONLY, List.of(SINK), host -> List.of()));
            InetSocketAddress listener = sidecar.listeners().getFirst().address();

            AtomicLong peak = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (!done.get()) {
                    peak.accumulateAndGet(usedMemory(), Math::max);
                    Await.pause();
                }
            });
            try (Socket socket = new Socket(listener.getAddress(), listener.getPort())) {
                byte[] expected = send(socket.getOutputStream(), ONE_GIB, 7);
                socket.shutdownOutput();
                byte[] received = socket.getInputStream().readAllBytes();
                assertThat(HexFormat.of().formatHex(received)).isEqualTo(HexFormat.of().formatHex(expected));
            } finally {
                done.set(true);
                sampler.join();
            }

            AccessLogEntry atSidecar = SidecarFixture.awaitLog(fixture.sidecarLog, "the transfer", e -> e.bytesReceived() == ONE_GIB);
            assertThat(atSidecar.bytesSent()).isEqualTo(32);
            AccessLogEntry atGateway = SidecarFixture.awaitLog(fixture.gatewayLog, "the transfer", e -> e.bytesReceived() == ONE_GIB);
            assertThat(atGateway.bytesSent()).isEqualTo(32);
            assertThat(fixture.sidecarMetrics.count("istio.tcp.received.bytes", "destination_service", SINK.toString()))
                    .isEqualTo((double) ONE_GIB);
            assertThat(peak.get()).as("peak pooled memory of both proxies during the transfer").isLessThan(MEMORY_BOUND);
        }
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

    /** What Netty's shared allocator, which both proxies' channels use, holds right now. */
    private static long usedMemory() {
        ByteBufAllocatorMetric metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }
}
