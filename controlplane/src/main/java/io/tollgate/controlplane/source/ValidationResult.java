package io.tollgate.controlplane.source;

import io.tollgate.controlplane.distribution.ConfigDocument;

import java.util.List;
import java.util.Objects;

/** A validator's verdict on a whole {@link SourceSet}. */
public sealed interface ValidationResult<T> permits ValidationResult.Valid, ValidationResult.Invalid {

    /**
     * @param documents every document of the set, each as the user wrote it, mesh config included
     * @param parsed    the validator's parsed form, handed to proxy scoping
     */
    record Valid<T>(List<ConfigDocument> documents, T parsed) implements ValidationResult<T> {
        public Valid {
            documents = List.copyOf(documents);
            Objects.requireNonNull(parsed, "parsed");
        }
    }

    /** @param diagnostics every problem at once, each {@code file:line: field: problem} */
    record Invalid<T>(List<String> diagnostics) implements ValidationResult<T> {
        public Invalid {
            diagnostics = List.copyOf(diagnostics);
            if (diagnostics.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one diagnostic");
            }
        }
    }
}
