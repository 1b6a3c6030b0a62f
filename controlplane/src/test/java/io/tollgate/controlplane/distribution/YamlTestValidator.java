package io.tollgate.controlplane.distribution;

import io.tollgate.controlplane.source.ConfigValidator;
import io.tollgate.controlplane.source.SourceFile;
import io.tollgate.controlplane.source.SourceSet;
import io.tollgate.controlplane.source.ValidationResult;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small real validator standing in for the model's loader: splits files at {@code ---}, parses each document
 * with snakeyaml-engine, refuses any document with an {@code unknownField} key (top level or under {@code spec})
 * and remembers each document's {@code metadata.namespace} for {@link NamespaceScope}.
 */
public final class YamlTestValidator implements ConfigValidator<YamlTestValidator.Namespaces> {
    public static final String UNKNOWN = "unknownField";

    /** Each document's namespace; the empty string for cluster-wide documents (no namespace, mesh config). */
    public record Namespaces(Map<ConfigDocument, String> byDocument) {
        public String of(ConfigDocument document) {
            return byDocument.getOrDefault(document, "");
        }
    }

    @Override
    public ValidationResult<Namespaces> validate(SourceSet set) {
        List<String> diagnostics = new ArrayList<>();
        List<ConfigDocument> documents = new ArrayList<>();
        Map<ConfigDocument, String> namespaces = new IdentityHashMap<>();
        for (SourceFile file : set.resources()) {
            for (ConfigDocument document : split(file)) {
                check(document, diagnostics).ifPresent(ns -> {
                    documents.add(document);
                    namespaces.put(document, ns);
                });
            }
        }
        set.meshConfig().ifPresent(mesh -> documents.add(new ConfigDocument(mesh.path().toString(), 1, mesh.text())));
        if (!diagnostics.isEmpty()) {
            return new ValidationResult.Invalid<>(diagnostics);
        }
        return new ValidationResult.Valid<>(documents, new Namespaces(Collections.unmodifiableMap(namespaces)));
    }

    /** Documents of one file, each starting on the line after its {@code ---}; blank documents are dropped. */
    public static List<ConfigDocument> split(SourceFile file) {
        List<ConfigDocument> documents = new ArrayList<>();
        List<String> lines = file.text().lines().toList();
        StringBuilder text = new StringBuilder();
        int start = 1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean end = i == lines.size() || lines.get(i).strip().equals("---");
            if (!end) {
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

    private static Optional<String> check(ConfigDocument document, List<String> diagnostics) {
        Object data;
        try {
            data = new Load(LoadSettings.builder().setLabel(document.source()).build()).loadFromString(document.yaml());
        } catch (MarkedYamlEngineException e) {
            int line = document.line() + e.getProblemMark().map(m -> m.getLine()).orElse(0);
            diagnostics.add(document.source() + ":" + line + ": " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.add(document.location() + ": " + e.getMessage());
            return Optional.empty();
        }
        if (!(data instanceof Map<?, ?> map)) {
            diagnostics.add(document.location() + ": a resource must be a mapping");
            return Optional.empty();
        }
        boolean unknown = map.containsKey(UNKNOWN)
                || (map.get("spec") instanceof Map<?, ?> spec && spec.containsKey(UNKNOWN));
        if (unknown) {
            diagnostics.add(document.source() + ":" + lineOf(document, UNKNOWN + ":") + ": " + UNKNOWN + ": unknown field");
            return Optional.empty();
        }
        Object namespace = map.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("namespace") : null;
        return Optional.of(namespace instanceof String ns ? ns : "");
    }

    private static int lineOf(ConfigDocument document, String needle) {
        String[] lines = document.yaml().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(needle)) {
                return document.line() + i;
            }
        }
        return document.line();
    }
}
