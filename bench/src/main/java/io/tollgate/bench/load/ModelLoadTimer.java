package io.tollgate.bench.load;

import io.tollgate.model.load.IncrementalCombine;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ReadText;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times the model's part of a control plane's cold start, the way the control plane's validator drives it: every
 * file cut into its documents, each document read on its own in parallel ({@link ResourceLoader#read}), then one
 * {@link IncrementalCombine#combine} over them all. Prints wall and process CPU time of each load (the first is
 * the cold one; later ones show the warm cost), so runs on a shared machine compare by CPU.
 *
 * <p>Run on a mesh that {@code WriteMesh DIR namespace-local} wrote, in a fresh JVM with the launcher's
 * {@code -XX:TieredStopAtLevel=1}: {@code java -XX:TieredStopAtLevel=1 -cp ... ModelLoadTimer DIR [loads=3]}.
 */
public final class ModelLoadTimer {
    private ModelLoadTimer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ModelLoadTimer MESH-DIR [loads=3]");
        }
        Path root = Path.of(args[0]);
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("resources"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> texts = new ArrayList<>(files.size());
        for (Path file : files) {
            texts.add(Files.readString(file));
        }
        SourceText mesh = new SourceText(root.resolve("mesh-config.yaml").toString(),
                Files.readString(root.resolve("mesh-config.yaml")));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Object> kept = new ArrayList<>(); // the last load's readings and result, as a control plane keeps them
        for (int i = 0; i < loads; i++) {
            kept.clear();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<ReadText> read = readAll(files, texts);
            long tRead = System.nanoTime();
            LoadResult result = new IncrementalCombine().combine(read, Optional.of(mesh));
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            System.out.printf("load %d: wall %d ms, process cpu %d ms (read %d ms, combine %d ms), %d resources, "
                            + "%d diagnostics%n", i, (t1 - t0) / 1_000_000, (cpu1 - cpu0) / 1_000_000,
                    (tRead - t0) / 1_000_000, (t1 - tRead) / 1_000_000, result.resources().all().size(),
                    result.diagnostics().size());
            kept.add(read);
            kept.add(result);
        }
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("heap in use after the last load and a GC, its readings kept: %.1f MB (%d objects kept)%n",
                heap.getUsed() / 1e6, kept.size());
    }

    /** Every document of every file read on its own, on all cores, as the control plane's first validation does. */
    private static List<ReadText> readAll(List<Path> files, List<String> texts) {
        ResourceLoader loader = new ResourceLoader();
        List<List<ReadText>> read = java.util.stream.IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> documents(files.get(i).toString(), texts.get(i)).stream().map(loader::read).toList())
                .toList();
        List<ReadText> all = new ArrayList<>();
        read.forEach(all::addAll);
        return all;
    }

    /** The benchmark mesh's files are plain {@code ---}-separated documents: cut there, keeping each start line. */
    private static List<SourceText> documents(String name, String text) {
        List<SourceText> documents = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("---")) {
                add(documents, name, start, current);
                current.setLength(0);
                start = i + 2;
            } else {
                current.append(lines[i]).append('\n');
            }
        }
        add(documents, name, start, current);
        return documents;
    }

    private static void add(List<SourceText> documents, String name, int start, StringBuilder text) {
        if (!text.toString().isBlank()) {
            documents.add(SourceText.startingAt(name, start, text.toString()));
        }
    }
}
