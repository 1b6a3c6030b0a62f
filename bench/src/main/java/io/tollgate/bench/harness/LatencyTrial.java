package io.tollgate.bench.harness;

import io.tollgate.bench.load.MeasuredSpan;
import io.tollgate.bench.load.PingPongClient;
import io.tollgate.bench.load.PingPongPlan;
import io.tollgate.bench.load.PingPongResult;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 64-byte ping-pong at a fixed open-loop rate through the arm to the echo server: p50/p99/p99.9 corrected for
 * coordinated omission, and the proxies' CPU per message. The table turns these into latency added over direct.
 *
 * <p>The measurement is cut into {@code slices}, each with its own warm-up on fresh connections, and the round
 * runs every arm's first slice, then every arm's second, and so on ({@link Bench}): a p99 is decided by the
 * machine's few noisy spells, and slices spread those over the arms alike instead of charging them to whichever
 * arm ran its whole trial then. An arm's slices are recorded as one histogram.
 */
record LatencyTrial(int rate, int connections, Duration warmup, Duration measure, int slices) implements Trial {
    /** The fewest slices whose p99s get a median row: with fewer, each is too short and the median means little. */
    static final int MEDIAN_SLICES = 5;

    LatencyTrial {
        if (slices < 1 || measure.dividedBy(slices).isZero()) {
            throw new IllegalArgumentException("slices must be >= 1 and leave each a positive time: " + slices);
        }
    }

    @Override
    public String name() {
        return "ping-pong @" + rate + "/s";
    }

    /** All of one arm's slices in a row (a trial of one slice, as the warm-up runs it, needs no interleaving). */
    @Override
    public void run(TrialScope scope) throws IOException, InterruptedException {
        Slice taken = slice(scope);
        for (int i = 1; i < slices; i++) {
            taken = taken.plus(slice(scope));
        }
        record(scope, taken);
    }

    /**
     * One slice through the scope's arm: a warm-up, then its share of the measured time. The proxies' CPU is read
     * over the measured messages only: each slice's connection set-up, warm-up and teardown stay out of the CPU per
     * message, as they stay out of the histogram. The JIT compilers' time is read around the whole slice, outside the
     * timed messages ({@link CompilerTime}).
     */
    Slice slice(TrialScope scope) throws IOException, InterruptedException {
        CpuSpan cpu = new CpuSpan(scope);
        CompilerTime before = CompilerTime.of(scope.running().proxies());
        PingPongResult result = PingPongClient.run(new PingPongPlan(scope.endpoints().echo(), connections, rate, warmup,
                measure.dividedBy(slices)), cpu);
        long jit = CompilerTime.of(scope.running().proxies()).millisSince(before);
        boolean recorded = result.latencyNanos().getTotalCount() > 0;
        return new Slice(result, cpu.millis, jit, cpu.measured,
                recorded ? List.of(result.percentileMicros(99)) : List.of(),
                recorded && cpu.endedMillis > 0 ? List.of(List.of(cpu.beganMillis, cpu.endedMillis)) : List.of());
    }

    /** Records the arm's slices, added up. */
    void record(TrialScope scope, Slice taken) {
        PingPongResult result = taken.result();
        scope.guard("ping-pong bytes echoed equal bytes sent @" + rate + "/s", result.intact(), result.describe());
        if (!result.intact() || result.latencyNanos().getTotalCount() == 0) {
            return;
        }
        String key = "latency." + rate;
        Map<String, Object> detail = Map.of("messages", result.sent(), "recorded", result.latencyNanos().getTotalCount(),
                "maxUs", result.latencyNanos().getMaxValue() / 1000.0, "proxyCpuMs", taken.cpuMillis(),
                "proxyJitMs", taken.jitMillis(), "slices", slices, "sliceP99Us", taken.sliceP99Micros(),
                "sliceWindowsMs", taken.windowsMillis());
        scope.sample(Metric.latency(key + ".p50", "latency p50 @" + rate + "/s"), result.percentileMicros(50), detail);
        scope.sample(Metric.latency(key + ".p99", "latency p99 @" + rate + "/s"), result.percentileMicros(99), detail);
        scope.sample(Metric.latency(key + ".p999", "latency p99.9 @" + rate + "/s"), result.percentileMicros(99.9), detail);
        if (taken.sliceP99Micros().size() >= MEDIAN_SLICES) {
            scope.sample(Metric.latency(key + ".p99.slices", "latency p99, median of slices @" + rate + "/s"),
                    median(taken.sliceP99Micros()), detail);
        }
        if (taken.cpuMeasured()) {
            scope.sample(Metric.cost(key + ".cpu", "  proxy CPU per message @" + rate + "/s", "us/msg"),
                    taken.cpuMillis() * 1000.0 / result.latencyNanos().getTotalCount(), detail);
        }
    }

    /**
     * The middle of the slices' p99s (the mean of the two middle ones for an even count): what an arm's p99 is in a
     * typical second. A diagnostic beside the p99 of all messages, not a replacement: it drops every spell that hits
     * fewer than half of an arm's slices, the machine's (which land on one arm's slice or another's by chance) and
     * the arm's own stalls alike, so it is kinder to an arm whose stalls are rare and long.
     */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The arm's proxies' CPU time over a slice's measured messages, and when (wall clock) those began and ended. */
    private static final class CpuSpan implements MeasuredSpan {
        private final TrialScope scope;
        private CpuMeter meter;
        long millis;
        boolean measured;
        long beganMillis;
        long endedMillis;

        CpuSpan(TrialScope scope) {
            this.scope = scope;
        }

        @Override
        public void begins() throws IOException {
            beganMillis = System.currentTimeMillis();
            meter = scope.cpuMeter();
        }

        @Override
        public void ends() throws IOException {
            endedMillis = System.currentTimeMillis();
            if (meter != null) {
                millis = meter.millis();
                measured = meter.measuresAnything();
            }
        }
    }

    /**
     * What one or more slices of one arm saw: the proxies' CPU time over the measured messages, their JIT compilers'
     * time over the whole slices, each slice's own p99 in order (a slice that recorded nothing has none), to tell
     * a tail spread over the trial from one spell's, and each slice's measured window as [begin, end] in epoch
     * milliseconds, to line a slice's tail up with what else the machine did then (a collector's pause in some JVM's
     * log, for one).
     */
    record Slice(PingPongResult result, long cpuMillis, long jitMillis, boolean cpuMeasured, List<Double> sliceP99Micros,
                 List<List<Long>> windowsMillis) {
        Slice plus(Slice other) {
            return new Slice(result.plus(other.result), cpuMillis + other.cpuMillis, jitMillis + other.jitMillis,
                    cpuMeasured && other.cpuMeasured, concat(sliceP99Micros, other.sliceP99Micros),
                    concat(windowsMillis, other.windowsMillis));
        }

        private static <T> List<T> concat(List<T> first, List<T> second) {
            List<T> both = new ArrayList<>(first);
            both.addAll(second);
            return List.copyOf(both);
        }
    }
}
