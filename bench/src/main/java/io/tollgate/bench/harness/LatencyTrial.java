package io.tollgate.bench.harness;

import io.tollgate.bench.load.PingPongClient;
import io.tollgate.bench.load.PingPongPlan;
import io.tollgate.bench.load.PingPongResult;

import java.time.Duration;
import java.util.Map;

/**
 * 64-byte ping-pong at a fixed open-loop rate through the arm to the echo server: p50/p99/p99.9 corrected for
 * coordinated omission, and the proxies' CPU per message. The table turns these into latency added over direct.
 */
record LatencyTrial(int rate, int connections, Duration warmup, Duration measure) implements Trial {
    @Override
    public String name() {
        return "ping-pong @" + rate + "/s";
    }

    @Override
    public void run(TrialScope scope) throws java.io.IOException, InterruptedException {
        CpuMeter cpu = scope.cpuMeter();
        PingPongResult result = PingPongClient.run(new PingPongPlan(scope.endpoints().echo(), connections, rate, warmup, measure));
        long cpuMillis = cpu.millis();
        scope.guard("ping-pong bytes echoed equal bytes sent @" + rate + "/s", result.intact(), result.describe());
        if (!result.intact() || result.latencyNanos().getTotalCount() == 0) {
            return;
        }
        String key = "latency." + rate;
        Map<String, Object> detail = Map.of("messages", result.sent(), "recorded", result.latencyNanos().getTotalCount(),
                "maxUs", result.latencyNanos().getMaxValue() / 1000.0, "proxyCpuMs", cpuMillis);
        scope.sample(Metric.latency(key + ".p50", "latency p50 @" + rate + "/s"), result.percentileMicros(50), detail);
        scope.sample(Metric.latency(key + ".p99", "latency p99 @" + rate + "/s"), result.percentileMicros(99), detail);
        scope.sample(Metric.latency(key + ".p999", "latency p99.9 @" + rate + "/s"), result.percentileMicros(99.9), detail);
        if (cpu.measuresAnything()) {
            scope.sample(Metric.cost(key + ".cpu", "  proxy CPU per message @" + rate + "/s", "us/msg"),
                    cpuMillis * 1000.0 / result.sent(), detail);
        }
    }
}
