package io.tollgate.bench.harness;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reading of the JIT compiler threads' CPU time in an arm's proxies, thread by thread, so that the time between
 * two readings counts each thread's own progress: the JVM starts and retires compiler threads as its queue grows and
 * empties, and a sum over whichever threads are alive would lose a retired thread's work. A thread that both started
 * and retired between two readings is still missed; readings around one slice or one pass leave little room for it.
 *
 * <p>Read outside the timed messages: walking every thread of a JVM in /proc takes long enough to delay a message.
 *
 * @param ticks   /proc ticks per compiler thread, keyed by pid and thread id
 * @param jvms    how many of the proxies are JVMs
 * @param visible how many compiler threads the reading found
 */
record CompilerTime(Map<String, Long> ticks, int jvms, int visible) {
    static CompilerTime of(List<ChildProcess> proxies) throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        int jvms = 0;
        for (ChildProcess proxy : proxies) {
            if (ProcFs.isJava(proxy.pid())) {
                jvms++;
                ProcFs.compilerTicks(proxy.pid()).forEach((thread, t) -> ticks.put(proxy.pid() + "/" + thread, t));
            }
        }
        return new CompilerTime(Map.copyOf(ticks), jvms, ticks.size());
    }

    /** Whether compiler time can be told: the arm has a JVM proxy and its compiler threads have their usual names. */
    boolean readable() {
        return jvms > 0 && visible > 0;
    }

    /** Milliseconds the compiler threads spent since {@code earlier}, a thread first seen now counting from zero. */
    long millisSince(CompilerTime earlier) {
        long sum = 0;
        for (Map.Entry<String, Long> thread : ticks.entrySet()) {
            sum += Math.max(0, thread.getValue() - earlier.ticks.getOrDefault(thread.getKey(), 0L));
        }
        return ProcFs.ticksToMillis(sum);
    }
}
