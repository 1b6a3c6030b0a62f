package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap/native split of a Java proxy, from jcmd. Heap: the live bytes of {@code GC.class_histogram}, which
 * collects first, so garbage does not count (committed heap moves in large steps and would read 0 or a jump).
 * Native: Native Memory Tracking's committed total minus its committed heap, i.e. everything but the heap
 * (threads, code, GC structures, direct buffers, BoringSSL's allocations through the JVM's malloc). Needs the proxy's
 * JVM to run with {@code -XX:NativeMemoryTracking=summary}; without it, empty.
 */
final class JavaMemory {
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_HEAP = Pattern.compile("Java Heap \\(reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** Bytes: the live heap, and what the JVM has committed outside the heap. */
    record Split(long heapBytes, long nativeBytes) {
    }

    private JavaMemory() {
    }

    static Optional<Split> of(long pid, Path javaHome, RunDirectory dir) throws IOException, InterruptedException {
        Optional<String> histogram = jcmd(pid, javaHome, dir, "GC.class_histogram");
        Optional<String> nmt = jcmd(pid, javaHome, dir, "VM.native_memory", "summary");
        if (histogram.isEmpty() || nmt.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> live = liveHeapBytes(histogram.get());
        Optional<Long> outsideHeap = nonHeapCommittedBytes(nmt.get());
        return live.isPresent() && outsideHeap.isPresent()
                ? Optional.of(new Split(live.get(), outsideHeap.get())) : Optional.empty();
    }

    static Optional<Long> liveHeapBytes(String histogram) {
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        return total.find() ? Optional.of(Long.parseLong(total.group(2))) : Optional.empty();
    }

    static Optional<Long> nonHeapCommittedBytes(String summary) {
        Matcher total = NMT_TOTAL.matcher(summary);
        Matcher heap = NMT_HEAP.matcher(summary);
        if (!total.find() || !heap.find()) {
            return Optional.empty();
        }
        return Optional.of((Long.parseLong(total.group(2)) - Long.parseLong(heap.group(2))) * 1024);
    }

    private static Optional<String> jcmd(long pid, Path javaHome, RunDirectory dir, String... command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(javaHome.resolve("bin/jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        ChildProcess jcmd = ChildProcess.start("jcmd", line, dir);
        return jcmd.awaitExit(60, TimeUnit.SECONDS) == 0 ? Optional.of(jcmd.output()) : Optional.empty();
    }
}
