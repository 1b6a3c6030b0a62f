package io.tollgate.bench.harness;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's raw rows and summary as JSON, for comparing runs and for anyone who distrusts the table. */
final class JsonReport {
    /** A summary row flattened for JSON (no Optional, no records as map keys). */
    record RowJson(String metric, String label, String unit, Map<String, Spread> arms, Map<String, Spread> ratios) {
    }

    /** Everything the run learnt. */
    record Report(String mode, String started, String finished, Map<String, Object> settings,
                  Map<String, String> versions, Map<String, String> arms, List<Sample> samples, List<Guard> guards,
                  List<RowJson> summary) {
    }

    private JsonReport() {
    }

    static void write(Path file, Report report) throws IOException {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                .registerTypeAdapter(Duration.class, (JsonSerializer<Duration>) (d, type, context) -> new JsonPrimitive(d.toString()))
                .create();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, gson.toJson(report));
    }

    static List<RowJson> rows(List<Summary.Row> rows) {
        List<RowJson> out = new ArrayList<>();
        for (Summary.Row row : rows) {
            Map<String, Spread> ratios = new LinkedHashMap<>();
            row.ratios().forEach((ratio, spread) -> ratios.put(ratio.label(), spread));
            out.add(new RowJson(row.metric().key(), row.metric().label().strip(), row.metric().unit(), row.values(), ratios));
        }
        return out;
    }
}
