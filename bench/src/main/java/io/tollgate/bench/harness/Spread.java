package io.tollgate.bench.harness;

import java.util.List;

/** The median of a set of per-round values with its min and max: how ratios are reported on a noisy machine. */
record Spread(double median, double min, double max, int rounds) {
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast(), n);
    }
}
