package io.tollgate.bench.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Bulk throughput in one direction with iperf3 through the arm, and the proxies' CPU per GB moved. */
record BulkTrial(RunDirectory dir, Iperf.Direction direction, Duration time) implements Trial {
    @Override
    public String name() {
        return "bulk " + direction.name().toLowerCase();
    }

    @Override
    public void run(TrialScope scope) throws IOException, InterruptedException {
        String way = direction.name().toLowerCase();
        CpuMeter cpu = scope.cpuMeter();
        IperfResult result = Iperf.run(dir, scope.endpoints().iperf(), time, direction);
        long cpuMillis = cpu.millis();
        String outcome = "exit " + result.exitCode() + ", " + result.bytesReceived() + " bytes received"
                + (result.error().isEmpty() ? "" : ", " + result.error());
        scope.guard("iperf3 " + way + " completed", result.completed(), outcome);
        if (!result.completed()) {
            return;
        }
        Map<String, Object> detail = Map.of("bytes", result.bytesReceived(), "proxyCpuMs", cpuMillis);
        scope.sample(Metric.throughput("bulk." + way, "bulk " + way + " (iperf3)", "Gbit/s"),
                result.bitsPerSecond() / 1e9, detail);
        if (cpu.measuresAnything()) {
            scope.sample(Metric.cost("bulk." + way + ".cpu", "  proxy CPU per GB " + way, "ms/GB"),
                    cpuMillis / (result.bytesReceived() / 1e9), detail);
        }
    }
}
