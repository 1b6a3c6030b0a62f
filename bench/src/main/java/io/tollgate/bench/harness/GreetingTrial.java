package io.tollgate.bench.harness;

import io.tollgate.bench.load.GreetingRateClient;
import io.tollgate.bench.load.GreetingRateResult;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * New connections per second to MariaDB's greeting through the arm, and the proxies' CPU per connection. The
 * {@link Handshake#FULL} variant uses the arm's entry whose mTLS hop never resumes; an arm without one skips it.
 */
record GreetingTrial(Handshake handshake, int workers, Duration time) implements Trial {
    enum Handshake { FULL, RESUMED }

    @Override
    public String name() {
        return "greetings " + handshake.name().toLowerCase();
    }

    @Override
    public void run(TrialScope scope) throws java.io.IOException, InterruptedException {
        Optional<InetSocketAddress> target = handshake == Handshake.FULL
                ? scope.endpoints().mysqlFullHandshake() : Optional.of(scope.endpoints().mysql());
        if (target.isEmpty()) {
            return;
        }
        String variant = handshake == Handshake.FULL ? "full handshake" : "session resumption";
        CpuMeter cpu = scope.cpuMeter();
        GreetingRateResult result = GreetingRateClient.run(target.get(), workers, time);
        long cpuMillis = cpu.millis();
        scope.guard("every connection greeted by MariaDB (" + variant + ")", result.allGreeted(), result.describe());
        if (result.greeted() == 0) {
            return;
        }
        String key = "connect." + handshake.name().toLowerCase();
        Map<String, Object> detail = Map.of("greeted", result.greeted(), "failed", result.failed(),
                "nanos", result.nanos(), "proxyCpuMs", cpuMillis, "workers", workers);
        scope.sample(Metric.throughput(key, "new connections to MySQL greeting, " + variant, "conn/s"),
                result.perSecond(), detail);
        if (cpu.measuresAnything()) {
            scope.sample(Metric.cost(key + ".cpu", "  proxy CPU per connection, " + variant, "us/conn"),
                    cpuMillis * 1000.0 / result.greeted(), detail);
        }
    }
}
