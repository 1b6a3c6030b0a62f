package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap/native split of a Java proxy, from Native Memory Tracking ({@code jcmd PID VM.native_memory summary}).
 * Only works when the proxy's JVM was started with {@code -XX:NativeMemoryTracking=summary}; otherwise empty.
 */
final class NativeMemory {
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern HEAP = Pattern.compile("Java Heap \\(reserved=(\\d+)KB, committed=(\\d+)KB");

    /** Committed bytes: the Java heap and everything else the JVM tracks (threads, code, GC, NIO buffers, ...). */
    record Split(long heapBytes, long nativeBytes) {
    }

    private NativeMemory() {
    }

    static Optional<Split> of(long pid, Path javaHome, RunDirectory dir) throws IOException, InterruptedException {
        ChildProcess jcmd = ChildProcess.start("jcmd", List.of(javaHome.resolve("bin/jcmd").toString(),
                Long.toString(pid), "VM.native_memory", "summary"), dir);
        if (jcmd.awaitExit(30, TimeUnit.SECONDS) != 0) {
            return Optional.empty();
        }
        return parse(jcmd.output());
    }

    static Optional<Split> parse(String summary) {
        Matcher total = TOTAL.matcher(summary);
        Matcher heap = HEAP.matcher(summary);
        if (!total.find() || !heap.find()) {
            return Optional.empty();
        }
        long heapBytes = Long.parseLong(heap.group(2)) * 1024;
        return Optional.of(new Split(heapBytes, Long.parseLong(total.group(2)) * 1024 - heapBytes));
    }
}
