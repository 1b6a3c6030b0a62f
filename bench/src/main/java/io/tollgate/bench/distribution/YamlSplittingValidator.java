package io.tollgate.bench.distribution;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.source.ConfigValidator;
import io.tollgate.controlplane.source.SourceFile;
import io.tollgate.controlplane.source.SourceSet;
import io.tollgate.controlplane.source.ValidationResult;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in for the model's loader until it is wired: splits files at {@code ---} and parses every document with
 * snakeyaml-engine (so the figure includes a real YAML parse of every document), requiring a mapping with a kind.
 * The model's validation will cost more than this; the lead re-runs the benchmark with the real loader.
 * Its parsed form is each document's kind (the mesh config has none), for the benchmark's scopes.
 */
final class YamlSplittingValidator implements ConfigValidator<Map<ConfigDocument, String>> {
    @Override
    public ValidationResult<Map<ConfigDocument, String>> validate(SourceSet set) {
        List<ConfigDocument> documents = new ArrayList<>();
        Map<ConfigDocument, String> kinds = new IdentityHashMap<>();
        List<String> diagnostics = new ArrayList<>();
        Load load = new Load(LoadSettings.builder().build());
        for (SourceFile file : set.resources()) {
            for (ConfigDocument document : split(file)) {
                try {
                    if (load.loadFromString(document.yaml()) instanceof Map<?, ?> map && map.get("kind") instanceof String kind) {
                        documents.add(document);
                        kinds.put(document, kind);
                    } else {
                        diagnostics.add(document.location() + ": kind: must be set");
                    }
                } catch (YamlEngineException e) {
                    diagnostics.add(document.location() + ": " + e.getMessage());
                }
            }
        }
        set.meshConfig().ifPresent(mesh -> documents.add(new ConfigDocument(mesh.path().toString(), 1, mesh.text())));
        return diagnostics.isEmpty() ? new ValidationResult.Valid<>(documents, Collections.unmodifiableMap(kinds))
                : new ValidationResult.Invalid<>(diagnostics);
    }

    private static List<ConfigDocument> split(SourceFile file) {
        List<ConfigDocument> documents = new ArrayList<>();
        List<String> lines = file.text().lines().toList();
        StringBuilder text = new StringBuilder();
        int start = 1;
        for (int i = 0; i <= lines.size(); i++) {
            if (i < lines.size() && !lines.get(i).strip().equals("---")) {
                text.append(lines.get(i)).append('\n');
                continue;
            }
            if (!text.toString().isBlank()) {
                documents.add(new ConfigDocument(file.path().toString(), start, text.toString()));
            }
            text.setLength(0);
            start = i + 2;
        }
        return documents;
    }
}
