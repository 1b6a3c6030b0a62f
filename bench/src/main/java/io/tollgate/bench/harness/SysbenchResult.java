package io.tollgate.bench.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sysbench run: queries and their rate, errors and reconnects (both must be 0), and why it failed if it did. */
record SysbenchResult(long queries, double qps, long errors, long reconnects, int exitCode, String failure) {
    private static final Pattern QUERIES = Pattern.compile("\\n\\s*queries:\\s+(\\d+)\\s+\\((\\d+(?:\\.\\d+)?) per sec\\.\\)");
    private static final Pattern ERRORS = Pattern.compile("ignored errors:\\s+(\\d+)");
    private static final Pattern RECONNECTS = Pattern.compile("reconnects:\\s+(\\d+)");

    /** The correctness guard: sysbench finished, ran queries, and saw no error and no reconnect. */
    boolean clean() {
        return exitCode == 0 && queries > 0 && errors == 0 && reconnects == 0;
    }

    String describe() {
        return "exit " + exitCode + ", queries " + queries + ", errors " + errors + ", reconnects " + reconnects
                + (failure.isEmpty() ? "" : ", " + failure);
    }

    static SysbenchResult parse(String output, int exitCode) {
        Matcher queries = QUERIES.matcher(output);
        Matcher errors = ERRORS.matcher(output);
        Matcher reconnects = RECONNECTS.matcher(output);
        if (!queries.find() || !errors.find() || !reconnects.find()) {
            return new SysbenchResult(0, 0, -1, -1, exitCode, "no statistics in sysbench output: " + lastLines(output));
        }
        return new SysbenchResult(Long.parseLong(queries.group(1)), Double.parseDouble(queries.group(2)),
                Long.parseLong(errors.group(1)), Long.parseLong(reconnects.group(1)), exitCode,
                exitCode == 0 ? "" : lastLines(output));
    }

    private static String lastLines(String output) {
        String[] lines = output.strip().split("\n");
        StringBuilder tail = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            tail.append(tail.isEmpty() ? "" : " | ").append(lines[i].strip());
        }
        return tail.toString();
    }
}
