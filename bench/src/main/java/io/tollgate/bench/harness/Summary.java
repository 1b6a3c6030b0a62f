package io.tollgate.bench.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns raw samples into the table: per metric and arm the median over rounds, and per ratio (e.g. tollgate over
 * haproxy) the median, min and max of the per-round ratios, so a round slowed by a neighbour's build moves both
 * arms of that round rather than one. Latency rows are first made "added over direct in the same round".
 */
final class Summary {
    /** A ratio column: {@code numerator} arm over {@code denominator} arm. */
    record Ratio(String numerator, String denominator) {
        String label() {
            return numerator + "/" + denominator;
        }
    }

    /** One row: each arm's median value (absent: no data) and each ratio's spread (absent: not computable). */
    record Row(Metric metric, Map<String, Spread> values, Map<Ratio, Spread> ratios) {
        Optional<Spread> value(String arm) {
            return Optional.ofNullable(values.get(arm));
        }

        Optional<Spread> ratio(Ratio ratio) {
            return Optional.ofNullable(ratios.get(ratio));
        }
    }

    static final String BASELINE = "direct";

    private Summary() {
    }

    static List<Row> of(List<Metric> metrics, List<Sample> samples, List<String> arms, List<Ratio> ratios) {
        List<Row> rows = new ArrayList<>();
        for (Metric metric : metrics) {
            Map<String, Map<Integer, Double>> byArm = perArmPerRound(metric, samples);
            Map<String, Spread> values = new LinkedHashMap<>();
            for (String arm : arms) {
                Map<Integer, Double> rounds = byArm.getOrDefault(arm, Map.of());
                if (!rounds.isEmpty()) {
                    values.put(arm, Spread.of(List.copyOf(rounds.values())));
                }
            }
            Map<Ratio, Spread> spreads = new LinkedHashMap<>();
            for (Ratio ratio : ratios) {
                perRoundRatios(byArm, ratio, metric).ifPresent(spread -> spreads.put(ratio, spread));
            }
            rows.add(new Row(metric, values, spreads));
        }
        return rows;
    }

    /** arm -> round -> value; for latency rows every arm but direct holds its excess over direct in that round. */
    private static Map<String, Map<Integer, Double>> perArmPerRound(Metric metric, List<Sample> samples) {
        Map<String, Map<Integer, Double>> raw = new HashMap<>();
        for (Sample sample : samples) {
            if (sample.metric().equals(metric.key())) {
                raw.computeIfAbsent(sample.arm(), arm -> new HashMap<>()).put(sample.round(), sample.value());
            }
        }
        if (metric.kind() != Metric.Kind.ADDED_LATENCY) {
            return raw;
        }
        Map<Integer, Double> direct = raw.getOrDefault(BASELINE, Map.of());
        Map<String, Map<Integer, Double>> added = new HashMap<>();
        raw.forEach((arm, rounds) -> {
            Map<Integer, Double> values = new HashMap<>();
            rounds.forEach((round, value) -> {
                if (arm.equals(BASELINE)) {
                    values.put(round, value);
                } else if (direct.containsKey(round)) {
                    values.put(round, value - direct.get(round));
                }
            });
            added.put(arm, values);
        });
        return added;
    }

    private static Optional<Spread> perRoundRatios(Map<String, Map<Integer, Double>> byArm, Ratio ratio, Metric metric) {
        // Latency added by direct is zero by definition: a ratio to it means nothing.
        if (metric.kind() == Metric.Kind.ADDED_LATENCY && ratio.denominator().equals(BASELINE)) {
            return Optional.empty();
        }
        Map<Integer, Double> top = byArm.getOrDefault(ratio.numerator(), Map.of());
        Map<Integer, Double> bottom = byArm.getOrDefault(ratio.denominator(), Map.of());
        List<Double> values = new ArrayList<>();
        top.forEach((round, value) -> {
            Double under = bottom.get(round);
            if (under != null && under != 0) {
                values.add(value / under);
            }
        });
        return values.isEmpty() ? Optional.empty() : Optional.of(Spread.of(values));
    }
}
