package io.tollgate.bench.harness;

import java.time.Duration;
import java.util.Map;

/** sysbench against MariaDB through the arm: queries per second and the proxies' CPU per query; errors must be 0. */
record SysbenchTrial(Sysbench sysbench, String workload, int threads, Duration time) implements Trial {
    @Override
    public String name() {
        return workload + " " + threads + "t";
    }

    @Override
    public void run(TrialScope scope) throws java.io.IOException, InterruptedException {
        CpuMeter cpu = scope.cpuMeter();
        SysbenchResult result = sysbench.run(workload, scope.endpoints().mysql(), threads, time);
        long cpuMillis = cpu.millis();
        scope.guard("sysbench " + name() + " without errors", result.clean(), result.describe());
        if (!result.clean()) {
            return;
        }
        String key = "sysbench." + workload + "." + threads;
        String label = "sysbench " + workload + ", " + threads + (threads == 1 ? " thread" : " threads");
        Map<String, Object> detail = Map.of("queries", result.queries(), "proxyCpuMs", cpuMillis);
        scope.sample(Metric.throughput(key, label, "QPS"), result.qps(), detail);
        if (cpu.measuresAnything()) {
            scope.sample(Metric.cost(key + ".cpu", "  proxy CPU per query", "us/query"),
                    cpuMillis * 1000.0 / result.queries(), detail);
        }
    }
}
