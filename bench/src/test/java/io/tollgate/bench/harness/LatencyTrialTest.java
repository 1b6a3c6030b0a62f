package io.tollgate.bench.harness;

import io.tollgate.bench.load.PingPongResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyTrialTest {
    @Test
    void theMedianOfSlicesIsTheMiddleOneOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(LatencyTrial.median(List.of(900.0, 100.0, 300.0))).isEqualTo(300.0);
        assertThat(LatencyTrial.median(List.of(400.0, 100.0, 55_000.0, 200.0))).isEqualTo(300.0);
        assertThat(LatencyTrial.median(List.of(7.0))).isEqualTo(7.0);
    }

    @Test
    void slicesAddUpTheirCountsAndTimesAndKeepEachP99AndWindowInOrder() {
        LatencyTrial.Slice first = new LatencyTrial.Slice(result(100, 120_000), 30, 0, true, List.of(120.0),
                List.of(List.of(1_000L, 1_125L)));
        LatencyTrial.Slice second = new LatencyTrial.Slice(result(100, 6_000_000), 40, 20, true, List.of(6000.0),
                List.of(List.of(2_000L, 2_130L)));
        LatencyTrial.Slice both = first.plus(second);
        assertThat(both.sliceP99Micros()).containsExactly(120.0, 6000.0);
        assertThat(both.windowsMillis()).containsExactly(List.of(1_000L, 1_125L), List.of(2_000L, 2_130L));
        assertThat(both.cpuMillis()).isEqualTo(70);
        assertThat(both.jitMillis()).isEqualTo(20);
        assertThat(both.result().latencyNanos().getTotalCount()).isEqualTo(200);
        assertThat(both.cpuMeasured()).isTrue();
        assertThat(first.plus(new LatencyTrial.Slice(result(1, 1_000), 0, 0, false, List.of(), List.of())).cpuMeasured())
                .isFalse();
    }

    private static PingPongResult result(int messages, long nanos) {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < messages; i++) {
            histogram.recordValue(nanos);
        }
        return new PingPongResult(messages, messages, messages * 64L, messages * 64L, 0, histogram);
    }
}
