package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** CPU time and resident memory of a process, read from /proc (all threads of the process, children excluded). */
final class ProcFs {
    /** USER_HZ: the unit of /proc/PID/stat times, 100 on every Linux architecture the kernel exports to user space. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /** utime + stime in milliseconds (10 ms resolution). */
    static long cpuMillis(long pid) throws IOException {
        return ticksToMillis(parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
    }

    /**
     * CPU ticks of each of the JVM's JIT compiler threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}; the
     * kernel cuts thread names to 15 characters), by thread id; empty for a process that has none.
     */
    static Map<Long, Long> compilerTicks(long pid) throws IOException {
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException exited) {
                    continue; // the thread ended between the listing and the read
                }
                if (isCompilerThread(stat)) {
                    ticks.put(Long.parseLong(task.getFileName().toString()), parseCpuTicks(stat));
                }
            }
        }
        return ticks;
    }

    static long ticksToMillis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** True when a /proc task stat line names a HotSpot JIT compiler thread. */
    static boolean isCompilerThread(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** Fields 14 and 15 of /proc/PID/stat; the command name (field 2) may contain spaces, so count from its ')'. */
    static long parseCpuTicks(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    /**
     * Field 22 of /proc/PID/stat, the start time in ticks since boot: with the pid it names one process for good,
     * so the exit trap never signals a later process that happens to reuse a pid. Empty if it already exited.
     */
    static Optional<String> startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ")[19]);
        } catch (IOException exited) {
            return Optional.empty();
        }
    }

    static long rssBytes(long pid) throws IOException {
        return parseRssBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    }

    static long parseRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        throw new IllegalArgumentException("no VmRSS line in /proc status");
    }

    /** True when the process runs a JVM, so heap and native memory can be asked of it with jcmd. */
    static boolean isJava(long pid) {
        try {
            return Path.of("/proc", Long.toString(pid), "exe").toRealPath().getFileName().toString().equals("java");
        } catch (IOException e) {
            return false;
        }
    }
}
