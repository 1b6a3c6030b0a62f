package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The versions of everything measured or measuring, recorded with the results so runs can be compared honestly. */
final class Versions {
    private Versions() {
    }

    static Map<String, String> collect(RunDirectory dir, Tools tools, Path repository) throws InterruptedException {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("haproxy", firstLine(dir, List.of("haproxy", "-v")));
        versions.put("iperf3", firstLine(dir, List.of("iperf3", "--version")));
        versions.put("sysbench", firstLine(dir, List.of("sysbench", "--version")));
        versions.put("mariadbd", firstLine(dir, List.of("mariadbd", "--version")));
        versions.put("openssl", firstLine(dir, List.of("openssl", "version")));
        versions.put("java", firstLine(dir, List.of(tools.java(), "-version")));
        versions.put("java.home", tools.javaHome().toString());
        versions.put("kernel", firstLine(dir, List.of("uname", "-r")));
        versions.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        versions.put("git", firstLine(dir, List.of("git", "-C", repository.toString(), "rev-parse", "--short", "HEAD")));
        versions.put("loadavg.start", loadAverage());
        return versions;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        }
    }

    private static String firstLine(RunDirectory dir, List<String> command) throws InterruptedException {
        try {
            ChildProcess process = ChildProcess.start("version", command, dir);
            process.awaitExit(30, TimeUnit.SECONDS);
            String output = process.output().strip();
            int newline = output.indexOf('\n');
            return newline < 0 ? output : output.substring(0, newline);
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        }
    }
}
