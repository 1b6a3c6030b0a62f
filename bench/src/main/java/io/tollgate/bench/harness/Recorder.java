package io.tollgate.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the run's samples and guards (on the main thread only) and keeps metrics in the order first measured,
 * which is the table's row order. In warm-up, samples are dropped but guards still count: a broken path fails early.
 */
final class Recorder {
    private final Progress progress;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Guard> guards = new ArrayList<>();
    private boolean warmingUp;

    Recorder(Progress progress) {
        this.progress = progress;
    }

    /** From now on samples are dropped (guards still count) until {@link #endWarmUp()}. */
    void startWarmUp() {
        warmingUp = true;
    }

    void endWarmUp() {
        warmingUp = false;
    }

    void sample(int round, String arm, Metric metric, double value, Map<String, Object> detail) {
        if (warmingUp) {
            return;
        }
        metrics.putIfAbsent(metric.key(), metric);
        samples.add(new Sample(round, arm, metric.key(), value, metric.unit(), detail));
        progress.note(String.format("round %d %-8s %-44s %12.2f %s", round, arm, metric.label(), value, metric.unit()));
    }

    void guard(int round, String arm, String name, boolean passed, String detail) {
        guards.add(new Guard(round, arm, name, passed, detail));
        if (!passed) {
            progress.note("GUARD FAILED round " + round + " " + arm + ": " + name + ": " + detail);
        }
    }

    List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<Guard> guards() {
        return List.copyOf(guards);
    }

    List<Guard> failedGuards() {
        return guards.stream().filter(guard -> !guard.passed()).toList();
    }
}
