package io.tollgate.bench.harness;

import io.tollgate.bench.load.IdleHolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Memory per idle proxied connection: hold 0..{@code connections} idle connections through the arm and take the
 * least-squares slope of the proxies' summed RSS over the count. Java proxies (with Native Memory Tracking on)
 * also get the heap/native split (see {@link JavaMemory}) from the first to the last step. Runs on freshly started
 * proxies, before any other traffic of the round, so memory pooled by earlier trials does not hide the cost.
 */
record IdleMemoryTrial(int connections, int steps, Path javaHome, RunDirectory dir) implements Trial {
    private static final int OPENERS = 8;

    @Override
    public String name() {
        return "idle memory";
    }

    @Override
    public void run(TrialScope scope) throws IOException, InterruptedException {
        List<ChildProcess> proxies = scope.running().proxies();
        if (proxies.isEmpty()) {
            return;
        }
        List<ChildProcess> javaProxies = proxies.stream().filter(p -> ProcFs.isJava(p.pid())).toList();
        List<double[]> points = new ArrayList<>();
        Optional<JavaMemory.Split> firstSplit = Optional.empty();
        Optional<JavaMemory.Split> lastSplit = Optional.empty();
        int firstCount = 0;
        try (IdleHolder holder = new IdleHolder(scope.endpoints().echo())) {
            for (int step = 1; step <= steps; step++) {
                holder.growTo(connections * step / steps, OPENERS);
                // jcmd's heap count collects garbage, which can shrink the heap: at the first step it runs before
                // the RSS reading and at the last one after, so every RSS point sees the same kind of heap.
                if (!javaProxies.isEmpty() && step == 1) {
                    firstSplit = split(javaProxies);
                    firstCount = holder.size();
                }
                points.add(new double[]{holder.size(), rss(proxies)});
                if (!javaProxies.isEmpty() && step == steps) {
                    lastSplit = split(javaProxies);
                }
            }
            scope.guard("held " + connections + " idle connections, each echoed", holder.size() == connections,
                    holder.size() + " held");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("points", points.stream().map(p -> List.of((long) p[0], (long) p[1])).toList());
        scope.sample(Metric.cost("idle.rss", "memory per idle connection (RSS, both proxies)", "KB/conn"),
                slope(points) / 1024, detail);
        if (firstSplit.isPresent() && lastSplit.isPresent()) {
            double count = connections - firstCount;
            scope.sample(Metric.cost("idle.heap", "  of which Java heap (live after GC)", "KB/conn"),
                    (lastSplit.get().heapBytes() - firstSplit.get().heapBytes()) / count / 1024, detail);
            scope.sample(Metric.cost("idle.native", "  of which native (NMT committed, non-heap)", "KB/conn"),
                    (lastSplit.get().nativeBytes() - firstSplit.get().nativeBytes()) / count / 1024, detail);
        }
    }

    private static long rss(List<ChildProcess> proxies) throws IOException {
        long sum = 0;
        for (ChildProcess proxy : proxies) {
            sum += ProcFs.rssBytes(proxy.pid());
        }
        return sum;
    }

    private Optional<JavaMemory.Split> split(List<ChildProcess> javaProxies) throws IOException, InterruptedException {
        long heap = 0;
        long nonHeap = 0;
        for (ChildProcess proxy : javaProxies) {
            Optional<JavaMemory.Split> split = JavaMemory.of(proxy.pid(), javaHome, dir);
            if (split.isEmpty()) {
                return Optional.empty();
            }
            heap += split.get().heapBytes();
            nonHeap += split.get().nativeBytes();
        }
        return Optional.of(new JavaMemory.Split(heap, nonHeap));
    }

    /** Least-squares slope of y over x; 0 when x does not vary. */
    static double slope(List<double[]> points) {
        double n = points.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }
}
