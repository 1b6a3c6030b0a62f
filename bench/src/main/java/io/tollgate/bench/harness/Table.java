package io.tollgate.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders the summary as one plain-text table: arms x metrics, medians over rounds, ratios with [min-max]. */
final class Table {
    private Table() {
    }

    /** {@code unavailable} maps an arm that did not run to its reason; its column reads n/a. */
    static String render(List<Summary.Row> rows, List<String> arms, List<Summary.Ratio> ratios,
                         Map<String, String> unavailable, int rounds) {
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric", "unit"));
        header.addAll(arms);
        ratios.forEach(ratio -> header.add(ratio.label() + " [min-max]"));
        lines.add(header.toArray(String[]::new));
        for (Summary.Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.metric().label(), row.metric().unit()));
            for (String arm : arms) {
                cells.add(unavailable.containsKey(arm) ? "n/a" : value(row, arm));
            }
            for (Summary.Ratio ratio : ratios) {
                cells.add(row.ratio(ratio).map(Table::ratio).orElse("n/a"));
            }
            lines.add(cells.toArray(String[]::new));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("Medians over %d round(s). Latency rows: direct is absolute, other arms show latency"
                + " added over direct in the same round.%n", rounds));
        int[] widths = new int[header.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                out.append(i < 2 ? String.format("%-" + widths[i] + "s  ", line[i]) : String.format("%" + widths[i] + "s  ", line[i]));
            }
            out.setLength(out.length() - 2);
            out.append(System.lineSeparator());
        }
        unavailable.forEach((arm, reason) -> out.append(arm).append(" arm unavailable: ").append(reason).append(System.lineSeparator()));
        return out.toString();
    }

    private static String value(Summary.Row row, String arm) {
        Optional<Spread> value = row.value(arm);
        if (value.isEmpty()) {
            return "-";
        }
        return number(value.get().median());
    }

    private static String ratio(Spread spread) {
        return String.format("%.2f [%.2f-%.2f]", spread.median(), spread.min(), spread.max());
    }

    private static String number(double value) {
        double magnitude = Math.abs(value);
        return magnitude >= 1000 ? String.format("%.0f", value) : magnitude >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
