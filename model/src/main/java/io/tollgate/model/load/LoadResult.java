package io.tollgate.model.load;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;

import java.util.List;

/**
 * What a load produced. {@code resources} holds only documents that had no error; when {@link #hasErrors()} is true
 * callers must apply none of it (nothing half-applied) and show every diagnostic.
 *
 * @param diagnostics errors, warnings and notes, ordered by file (in the order read) and then by line
 */
public record LoadResult(ResourceSet resources, List<Diagnostic> diagnostics) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
