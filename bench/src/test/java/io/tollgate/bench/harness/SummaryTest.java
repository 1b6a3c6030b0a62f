package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SummaryTest {
    private static final List<String> ARMS = List.of("direct", "haproxy", "tollgate");
    private static final Metric QPS = Metric.throughput("qps", "qps", "QPS");
    private static final Metric P50 = Metric.latency("p50", "p50");

    private static Sample sample(int round, String arm, Metric metric, double value) {
        return new Sample(round, arm, metric.key(), value, metric.unit(), Map.of());
    }

    @Test
    void ratiosAreTheMedianMinAndMaxOfPerRoundRatiosNotRatiosOfMedians() {
        List<Sample> samples = new ArrayList<>();
        double[][] perRound = {{1000, 250, 300}, {800, 100, 150}, {1200, 400, 400}};
        for (int round = 0; round < perRound.length; round++) {
            for (int arm = 0; arm < ARMS.size(); arm++) {
                samples.add(sample(round + 1, ARMS.get(arm), QPS, perRound[round][arm]));
            }
        }
        Summary.Row row = Summary.of(List.of(QPS), samples, ARMS, Bench.RATIOS).getFirst();

        assertThat(row.value("haproxy").orElseThrow().median()).isEqualTo(250);
        Spread tollgateOverHaproxy = row.ratio(Bench.RATIOS.get(1)).orElseThrow();
        assertThat(tollgateOverHaproxy.median()).isCloseTo(1.2, within(1e-9));
        assertThat(tollgateOverHaproxy.min()).isCloseTo(1.0, within(1e-9));
        assertThat(tollgateOverHaproxy.max()).isCloseTo(1.5, within(1e-9));
        assertThat(tollgateOverHaproxy.rounds()).isEqualTo(3);
        Spread haproxyOverDirect = row.ratio(Bench.RATIOS.getFirst()).orElseThrow();
        assertThat(haproxyOverDirect.median()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void latencyIsAddedOverDirectInTheSameRoundAndHasNoRatioToDirect() {
        List<Sample> samples = List.of(
                sample(1, "direct", P50, 100), sample(1, "haproxy", P50, 150), sample(1, "tollgate", P50, 140),
                sample(2, "direct", P50, 300), sample(2, "haproxy", P50, 380), sample(2, "tollgate", P50, 340));
        Summary.Row row = Summary.of(List.of(P50), samples, ARMS, Bench.RATIOS).getFirst();

        assertThat(row.value("direct").orElseThrow().median()).isEqualTo(200);
        assertThat(row.value("haproxy").orElseThrow().median()).isEqualTo(65);
        assertThat(row.value("tollgate").orElseThrow().median()).isEqualTo(40);
        assertThat(row.ratio(Bench.RATIOS.getFirst())).isEmpty();
        Spread ratio = row.ratio(Bench.RATIOS.get(1)).orElseThrow();
        assertThat(ratio.min()).isCloseTo(0.5, within(1e-9));
        assertThat(ratio.max()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void anArmWithoutSamplesHasNoValueAndNoRatio() {
        List<Sample> samples = List.of(sample(1, "direct", QPS, 10), sample(1, "haproxy", QPS, 5));
        Summary.Row row = Summary.of(List.of(QPS), samples, ARMS, Bench.RATIOS).getFirst();

        assertThat(row.value("tollgate")).isEmpty();
        assertThat(row.ratio(Bench.RATIOS.get(1))).isEmpty();
        String table = Table.render(List.of(row), ARMS, Bench.RATIOS, Map.of("tollgate", "not built"), 1);
        assertThat(table).contains("0.50 [0.50-0.50]").contains("n/a").contains("tollgate arm unavailable: not built");
    }

    @Test
    void spreadTakesTheMiddleOfAnEvenCount() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(2.5, 1.0, 4.0, 4));
    }

    @Test
    void armOrderRotatesFromRoundToRound() {
        assertThat(Bench.rotate(ARMS, 0)).containsExactly("direct", "haproxy", "tollgate");
        assertThat(Bench.rotate(ARMS, 1)).containsExactly("haproxy", "tollgate", "direct");
        assertThat(Bench.rotate(ARMS, 5)).containsExactly("tollgate", "direct", "haproxy");
    }

    @Test
    void idleSlopeIsTheLeastSquaresFit() {
        List<double[]> points = List.of(new double[]{1000, 10_000_000 + 60_000_000}, new double[]{2000, 10_000_000 + 120_000_000},
                new double[]{3000, 10_000_000 + 180_000_000});
        assertThat(IdleMemoryTrial.slope(points)).isCloseTo(60_000, within(1e-6));
    }
}
