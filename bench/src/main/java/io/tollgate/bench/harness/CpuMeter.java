package io.tollgate.bench.harness;

import java.io.IOException;
import java.util.List;

/** CPU time the arm's proxy processes spend between construction and {@link #millis()}: the cost side of a rate. */
final class CpuMeter {
    private final List<ChildProcess> proxies;
    private final long before;

    CpuMeter(List<ChildProcess> proxies) throws IOException {
        this.proxies = proxies;
        this.before = total(proxies);
    }

    long millis() throws IOException {
        return total(proxies) - before;
    }

    boolean measuresAnything() {
        return !proxies.isEmpty();
    }

    private static long total(List<ChildProcess> proxies) throws IOException {
        long sum = 0;
        for (ChildProcess proxy : proxies) {
            sum += ProcFs.cpuMillis(proxy.pid());
        }
        return sum;
    }
}
