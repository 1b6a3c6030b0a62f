package io.tollgate.bench.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slices of a latency trial add up to what one long trial would have recorded. */
class PingPongResultTest {
    private static PingPongResult of(long sent, long echoed, long corrupt, long... latencies) {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (long latency : latencies) {
            histogram.recordValue(latency);
        }
        return new PingPongResult(sent, echoed, sent * 64, echoed * 64, corrupt, histogram);
    }

    @Test
    void slicesAddTheirCountsAndMergeTheirHistograms() {
        PingPongResult quiet = of(99, 99, 0, new long[99]);
        PingPongResult spell = of(1, 1, 0, 5_000_000);

        PingPongResult both = quiet.plus(spell);

        assertThat(both.sent()).isEqualTo(100);
        assertThat(both.bytesEchoed()).isEqualTo(100 * 64);
        assertThat(both.latencyNanos().getTotalCount()).isEqualTo(100);
        assertThat(both.percentileMicros(99)).as("the one slow message is the top 1%, not the p99").isZero();
        assertThat(both.percentileMicros(100)).isCloseTo(5_000, org.assertj.core.data.Offset.offset(5.0));
        assertThat(quiet.latencyNanos().getTotalCount()).as("the parts are left as they were").isEqualTo(99);
    }

    @Test
    void aSliceThatLostOrCorruptedBytesFailsTheWhole() {
        assertThat(of(10, 10, 0).plus(of(10, 9, 0)).intact()).isFalse();
        assertThat(of(10, 10, 0).plus(of(10, 10, 1)).intact()).isFalse();
        assertThat(of(10, 10, 0).plus(of(10, 10, 0)).intact()).isTrue();
    }
}
