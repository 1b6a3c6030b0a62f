package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void everyRateMeasuresTheSameNumberOfMessages() {
        Settings full = Settings.full();
        assertThat(full.latencyRates()).containsExactly(1_000, 4_000);
        assertThat(full.latencyMeasure(1_000)).isEqualTo(Duration.ofSeconds(32));
        assertThat(full.latencyMeasure(4_000)).isEqualTo(Duration.ofSeconds(8));
        for (int rate : List.of(1_000, 4_000)) {
            long messages = full.latencyMeasure(rate).toNanos() * rate / 1_000_000_000L;
            assertThat(messages).isEqualTo(full.latencyMessages());
        }
        assertThat(Settings.quick().latencyMeasure(500)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRateBelowOneOrFewerMessagesThanSlicesIsRefused() {
        Settings full = Settings.full();
        assertThatThrownBy(() -> withLatency(full, List.of(0), 32_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withLatency(full, List.of(1_000), full.latencySlices() - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Settings withLatency(Settings s, List<Integer> rates, long messages) {
        return new Settings(s.rounds(), s.warmup(), s.bulkTime(), s.greetingTime(), s.greetingWorkers(), rates,
                s.latencyConnections(), s.latencyWarmup(), messages, s.latencySlices(), s.sysbenchTime(),
                s.sysbenchThreads(), s.sysbenchTables(), s.sysbenchTableSize(), s.idleConnections(), s.idleSteps(),
                s.integrityBytes(), s.jitSettlePasses());
    }
}
