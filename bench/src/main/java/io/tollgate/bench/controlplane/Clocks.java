package io.tollgate.bench.controlplane;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * Wall and CPU time at one moment. CPU is counted for the whole process and, separately, for the proxies' client
 * threads (where each proxy decodes, re-loads and compiles its snapshots), so that the control plane's share can be
 * told apart: process minus proxies is the control plane plus what both sides share in one JVM (the TLS event
 * loops, garbage collection, the JIT). CPU time is what other tenants of the machine do not inflate.
 */
record Clocks(long wallNanos, long processCpuNanos, long proxyCpuNanos) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String PROXY_THREAD = "tollgate-config-client-";

    static Clocks now() {
        long proxies = 0;
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && infos[i].getThreadName().startsWith(PROXY_THREAD)) {
                long cpu = THREADS.getThreadCpuTime(ids[i]);
                proxies += Math.max(cpu, 0);
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Clocks(System.nanoTime(), os.getProcessCpuTime(), proxies);
    }

    /** What passed from {@code this} to {@code later}. */
    Span until(Clocks later) {
        return new Span(later.wallNanos - wallNanos, later.processCpuNanos - processCpuNanos,
                later.proxyCpuNanos - proxyCpuNanos);
    }

    /** Until a wall-clock moment measured elsewhere (an arrival), with the CPU sampled at {@code later}. */
    Span until(long wallNanos, Clocks later) {
        return new Span(wallNanos - this.wallNanos, later.processCpuNanos - processCpuNanos,
                later.proxyCpuNanos - proxyCpuNanos);
    }

    /** A phase: wall time, CPU of the process, CPU of the proxies' threads. */
    record Span(long wallNanos, long processCpuNanos, long proxyCpuNanos) {
        long controlPlaneCpuNanos() {
            return processCpuNanos - proxyCpuNanos;
        }
    }
}
