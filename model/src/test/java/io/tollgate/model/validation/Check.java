package io.tollgate.model.validation;

import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;

import java.util.List;
import java.util.Optional;

/** Test support: loads one YAML text and answers with its diagnostics as {@code SEVERITY field: message} lines. */
final class Check {
    private Check() {
    }

    static List<String> findings(String yaml) {
        LoadResult result = new ResourceLoader().loadTexts(List.of(new SourceText("t.yaml", yaml)), Optional.empty());
        return result.diagnostics().stream()
                .map(d -> d.severity() + " " + d.field() + ": " + d.message()).toList();
    }

    /** A document of {@code kind} in namespace {@code demo} with {@code spec} indented under it. */
    static String doc(String apiVersion, String kind, String spec) {
        return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x, namespace: demo}\nspec:\n"
                + spec.indent(2);
    }
}
