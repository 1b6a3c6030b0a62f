package io.tollgate.bench.harness;

import java.io.IOException;
import java.util.List;

/**
 * CPU time the arm's proxy processes spend between construction and {@link #millis()}: the cost side of a rate.
 * Of it, {@link #jitMillis()} is what their JIT compilers spent: a trial it is not near zero for ran on code still
 * being compiled, beside the compiler's threads.
 */
final class CpuMeter {
    private final List<ChildProcess> proxies;
    private final long before;
    private final long jitBefore;

    CpuMeter(List<ChildProcess> proxies) throws IOException {
        this.proxies = proxies;
        this.before = total(proxies);
        this.jitBefore = jit(proxies);
    }

    long millis() throws IOException {
        return total(proxies) - before;
    }

    /** The proxies' JIT compiler time since construction (0 for a proxy that is not a JVM). */
    long jitMillis() throws IOException {
        return Math.max(0, jit(proxies) - jitBefore);
    }

    boolean measuresAnything() {
        return !proxies.isEmpty();
    }

    /** True when a proxy of the arm is a JVM, so it has a JIT to warm. */
    boolean measuresJava() {
        return proxies.stream().anyMatch(proxy -> ProcFs.isJava(proxy.pid()));
    }

    private static long total(List<ChildProcess> proxies) throws IOException {
        long sum = 0;
        for (ChildProcess proxy : proxies) {
            sum += ProcFs.cpuMillis(proxy.pid());
        }
        return sum;
    }

    private static long jit(List<ChildProcess> proxies) throws IOException {
        long sum = 0;
        for (ChildProcess proxy : proxies) {
            sum += ProcFs.compilerMillis(proxy.pid());
        }
        return sum;
    }
}
