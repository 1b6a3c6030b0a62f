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
record Clocks(long wallNanos, long processCpuNanos, long proxyCpuNanos, long watcherCpuNanos, long grpcCpuNanos) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String PROXY_THREAD = "tollgate-config-client-";
    /** The control plane's thread that reads, validates and publishes every change of the files. */
    private static final String WATCHER_THREAD = "tollgate-config-watch";
    /** gRPC's application threads: in this JVM the control plane's (hellos: scoping and encoding) and the clients'. */
    private static final String GRPC_THREAD = "grpc-default-executor";

    static Clocks now() {
        long proxies = 0;
        long watcher = 0;
        long grpc = 0;
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            String name = infos[i].getThreadName();
            long cpu = Math.max(THREADS.getThreadCpuTime(ids[i]), 0);
            if (name.startsWith(PROXY_THREAD)) {
                proxies += cpu;
            } else if (name.equals(WATCHER_THREAD)) {
                watcher += cpu;
            } else if (name.startsWith(GRPC_THREAD)) {
                grpc += cpu;
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Clocks(System.nanoTime(), os.getProcessCpuTime(), proxies, watcher, grpc);
    }

    /** What passed from {@code this} to {@code later}. */
    Span until(Clocks later) {
        return until(later.wallNanos, later);
    }

    /** Until a wall-clock moment measured elsewhere (an arrival), with the CPU sampled at {@code later}. */
    Span until(long wallNanos, Clocks later) {
        return new Span(wallNanos - this.wallNanos, later.processCpuNanos - processCpuNanos,
                later.proxyCpuNanos - proxyCpuNanos, later.watcherCpuNanos - watcherCpuNanos, later.grpcCpuNanos - grpcCpuNanos);
    }

    /** A phase: wall time, CPU of the process, of the proxies' threads, of the watcher, of gRPC's executor. */
    record Span(long wallNanos, long processCpuNanos, long proxyCpuNanos, long watcherCpuNanos, long grpcCpuNanos) {
        long controlPlaneCpuNanos() {
            return processCpuNanos - proxyCpuNanos;
        }
    }
}
