package io.tollgate.bench.load;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The load clients against the real echo server on a free port, and through a relay that corrupts one byte. */
class EchoLoadTest {
    private static EchoServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = EchoServer.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pingPongSendsOnScheduleAndEveryMessageComesBackIntact() throws Exception {
        PingPongPlan plan = new PingPongPlan(server.address(), 3, 400, Duration.ofMillis(100), Duration.ofMillis(500));
        PingPongResult result = PingPongClient.run(plan);
        assertThat(result.sent()).isEqualTo(240);
        assertThat(result.intact()).as(result.describe()).isTrue();
        assertThat(result.latencyNanos().getTotalCount()).as("only messages after the warm-up are recorded").isEqualTo(200);
        assertThat(result.percentileMicros(50)).isPositive();
    }

    @Test
    void theMeasuredSpanCoversTheRecordedMessagesOnly() throws Exception {
        PingPongPlan plan = new PingPongPlan(server.address(), 2, 400, Duration.ofMillis(250), Duration.ofMillis(250));
        long[] begins = new long[2];
        long[] ends = new long[2];
        long before = System.nanoTime();
        PingPongClient.run(plan, new MeasuredSpan() {
            @Override
            public void begins() {
                begins[0] = System.nanoTime();
                begins[1]++;
            }

            @Override
            public void ends() {
                ends[0] = System.nanoTime();
                ends[1]++;
            }
        });
        assertThat(begins[1]).as("told once that measuring begins").isEqualTo(1);
        assertThat(ends[1]).as("and once that it ended").isEqualTo(1);
        // 100 warm-up messages at 2.5 ms intervals are due before the first measured one.
        assertThat(begins[0] - before).as("after the warm-up's messages").isGreaterThanOrEqualTo(Duration.ofMillis(240).toNanos());
        assertThat(ends[0]).isGreaterThan(begins[0]);
    }

    @Test
    void pingPongThroughACorruptingPathIsNotIntact() throws Exception {
        try (CorruptingRelay relay = new CorruptingRelay(server.address(), 64 * 5 + 20)) {
            PingPongResult result = PingPongClient.run(new PingPongPlan(relay.address(), 1, 200, Duration.ZERO, Duration.ofMillis(100)));
            assertThat(result.corrupt()).isEqualTo(1);
            assertThat(result.intact()).isFalse();
        }
    }

    @Test
    void bulkEchoComparesEveryByte() throws Exception {
        BulkEchoResult clean = BulkEcho.run(server.address(), 5_000_000, 7);
        assertThat(clean.intact()).as(clean.describe()).isTrue();
        assertThat(clean.bytesEchoed()).isEqualTo(5_000_000);
        try (CorruptingRelay relay = new CorruptingRelay(server.address(), 3_000_001)) {
            BulkEchoResult corrupted = BulkEcho.run(relay.address(), 5_000_000, 7);
            assertThat(corrupted.intact()).isFalse();
            assertThat(corrupted.firstCorruptOffset()).isEqualTo(3_000_001);
        }
    }

    @Test
    void idleHolderOpensEchoedConnectionsAndClosesThem() throws Exception {
        try (IdleHolder holder = new IdleHolder(server.address())) {
            holder.growTo(40, 4);
            assertThat(holder.size()).isEqualTo(40);
            holder.growTo(60, 4);
            assertThat(holder.size()).isEqualTo(60);
            holder.close();
            assertThat(holder.size()).isZero();
        }
    }

    @Test
    void greetingRateCountsRefusedConnectionsAsFailures() throws Exception {
        InetSocketAddress closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = new InetSocketAddress("127.0.0.1", probe.getLocalPort());
        }
        GreetingRateResult result = GreetingRateClient.run(closedPort, 2, Duration.ofMillis(200));
        assertThat(result.greeted()).isZero();
        assertThat(result.failed()).isPositive();
        assertThat(result.firstFailure()).contains("ConnectException");
        assertThat(result.allGreeted()).isFalse();
    }
}
