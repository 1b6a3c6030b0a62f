package io.tollgate.bench.controlplane;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's output: one markdown table per mode, rows in the order the phases ran. */
final class Table {
    private final String title;
    private final List<String> rows = new ArrayList<>();

    Table(String title) {
        this.title = title;
    }

    /** A phase with its wall time and CPU (process, proxies' threads, the rest: control plane and shared). */
    void phase(String phase, Clocks.Span span, String note) {
        rows.add("| %s | %d | %d | %d | %d | %s |".formatted(phase, ms(span.wallNanos()), ms(span.processCpuNanos()),
                ms(span.proxyCpuNanos()), ms(span.controlPlaneCpuNanos()), note));
    }

    /** A moment inside the last phase: wall time only. */
    void moment(String phase, long wallNanos, String note) {
        rows.add("| %s | %d | | | | %s |".formatted(phase, ms(wallNanos), note));
    }

    void print(PrintStream out) {
        out.println();
        out.println("### " + title);
        out.println();
        out.println("| phase | wall ms | CPU ms (process) | CPU ms (proxy threads) | CPU ms (control plane + shared) | note |");
        out.println("| --- | ---: | ---: | ---: | ---: | --- |");
        rows.forEach(out::println);
        out.flush();
    }

    static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
