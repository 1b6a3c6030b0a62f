package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parsers of other programs' output, from literals copied from real runs. */
class ParsersTest {
    private static final String SYSBENCH = """
            SQL statistics:
                queries performed:
                    read:                            133448
                    write:                           0
                    other:                           19064
                    total:                           152512
                transactions:                        9532   (4757.65 per sec.)
                queries:                             152512 (76122.44 per sec.)
                ignored errors:                      0      (0.00 per sec.)
                reconnects:                          0      (0.00 per sec.)
            """;

    @Test
    void sysbenchStatisticsAreRead() {
        SysbenchResult result = SysbenchResult.parse(SYSBENCH, 0);
        assertThat(result.queries()).isEqualTo(152512);
        assertThat(result.qps()).isEqualTo(76122.44);
        assertThat(result.clean()).isTrue();
    }

    @Test
    void sysbenchErrorsOrAFailedStartAreNotClean() {
        assertThat(SysbenchResult.parse(SYSBENCH.replace("ignored errors:                      0",
                "ignored errors:                      3"), 0).clean()).isFalse();
        SysbenchResult failed = SysbenchResult.parse("FATAL: error 2013: Lost connection to server\nFATAL: Thread initialization failed!\n", 1);
        assertThat(failed.clean()).isFalse();
        assertThat(failed.describe()).contains("Thread initialization failed");
    }

    @Test
    void iperfReceiverSumIsRead() {
        IperfResult result = IperfResult.parse("""
                {"start": {}, "end": {"sum_sent": {"bytes": 100, "bits_per_second": 9.0},
                 "sum_received": {"bytes": 96, "bits_per_second": 8.5e9}}}""", 0);
        assertThat(result).isEqualTo(new IperfResult(96, 8.5e9, 0, ""));
        assertThat(result.completed()).isTrue();
    }

    @Test
    void iperfErrorsAndGarbageAreNotCompleted() {
        IperfResult error = IperfResult.parse("{\"start\": {}, \"error\": \"control socket has closed unexpectedly\"}", 0);
        assertThat(error.completed()).isFalse();
        assertThat(error.error()).isEqualTo("control socket has closed unexpectedly");
        assertThat(IperfResult.parse("iperf3: error - unable to connect", 1).error()).startsWith("unreadable iperf3 output");
        assertThat(error.serverBusy()).isFalse();
    }

    @Test
    void aBusyServerIsToldApartFromOtherFailures() {
        IperfResult busy = IperfResult.parse("{\"start\": {}, \"error\": \"the server is busy running a test. try again later\"}", 0);
        assertThat(busy.completed()).isFalse();
        assertThat(busy.serverBusy()).isTrue();
        IperfResult reset = IperfResult.parse(
                "{\"start\": {}, \"error\": \"unable to receive control message: Connection reset by peer\"}", 0);
        assertThat(reset.completed()).isFalse();
        assertThat(reset.serverBusy()).as("the busy answer cut short by the close behind it").isTrue();
    }

    @Test
    void procStatCpuIsCountedFromTheLastParenthesis() {
        String stat = "4242 (a) b (c) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 0 0 20 0 1 0 100 1000 100";
        assertThat(ProcFs.parseCpuTicks(stat)).isEqualTo(175);
        assertThat(ProcFs.parseRssBytes("Name:\tjava\nVmRSS:\t   2048 kB\n")).isEqualTo(2048 * 1024);
        assertThatThrownBy(() -> ProcFs.parseRssBytes("Name:\tx\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyHotSpotCompilerThreadsCountAsJit() {
        String tail = " S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 0 0 20 0 1 0 100 1000 100";
        assertThat(ProcFs.isCompilerThread("4243 (C2 CompilerThre)" + tail)).isTrue();
        assertThat(ProcFs.isCompilerThread("4244 (C1 CompilerThre)" + tail)).isTrue();
        assertThat(ProcFs.isCompilerThread("4245 (gateway-3-1)" + tail)).isFalse();
        assertThat(ProcFs.isCompilerThread("4246 (VM Thread)" + tail)).isFalse();
    }

    @Test
    void aJvmShowsItsCompilerThreadsAndAProcessWithoutAJitNone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(ProcFs.compilerTicks(sleeper.pid())).isEmpty();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        Map<Long, Long> own = ProcFs.compilerTicks(ProcessHandle.current().pid());
        assertThat(own).isNotEmpty(); // this JVM runs at least one C1 or C2 compiler thread
        assertThat(ProcFs.ticksToMillis(own.values().stream().mapToLong(Long::longValue).sum()))
                .isLessThanOrEqualTo(ProcFs.cpuMillis(ProcessHandle.current().pid()));
    }

    @Test
    void compilerTimeCountsEachThreadsOwnProgressSoARetiredThreadTakesNothingAway() {
        CompilerTime before = new CompilerTime(Map.of("7/10", 90L, "7/12", 500L), 1, 2);
        CompilerTime after = new CompilerTime(Map.of("7/10", 100L, "7/11", 5L), 1, 2);
        // thread 10 went on 10 ticks, 11 started and did 5, 12 retired: 15 ticks, where sums would give 105 - 590 < 0
        assertThat(after.millisSince(before)).isEqualTo(150);
        assertThat(new CompilerTime(Map.of(), 1, 0).readable()).isFalse();
        assertThat(new CompilerTime(Map.of(), 0, 0).readable()).isFalse();
        assertThat(after.readable()).isTrue();
    }

    @Test
    void thisProcessHasCpuTimeAndResidentMemory() throws IOException {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcFs.cpuMillis(pid)).isPositive();
        assertThat(ProcFs.rssBytes(pid)).isGreaterThan(1 << 20);
        assertThat(ProcFs.isJava(pid)).isTrue();
    }

    @Test
    void javaMemoryReadsTheLiveHeapAndTheNonHeapCommitted() {
        String nmt = """
                Native Memory Tracking:
                Total: reserved=7742283KB, committed=484139KB
                       malloc: 18391KB #46987, peak=18436KB #45756
                -                 Java Heap (reserved=6172672KB, committed=393216KB)
                """;
        assertThat(JavaMemory.nonHeapCommittedBytes(nmt)).contains((484139L - 393216L) * 1024);
        assertThat(JavaMemory.nonHeapCommittedBytes("Native memory tracking is not enabled")).isEmpty();
        String histogram = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         15387         757640  [B (java.base@25.0.3)
                 824:             1             16  sun.nio.fs.NativeBuffers$1 (java.base@25.0.3)
                Total         66876        2983440
                """;
        assertThat(JavaMemory.liveHeapBytes(histogram)).contains(2983440L);
        assertThat(JavaMemory.liveHeapBytes("12345:\nCommand executed with errors")).isEmpty();
    }
}
