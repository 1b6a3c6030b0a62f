package io.tollgate.controlplane.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file's text as read at one moment. Validation works on these, never on the paths, so the bytes that are
 * hashed, validated and distributed are the same bytes even if the file changes meanwhile.
 *
 * @param path the file, as the operator named it (or as found in a named directory): diagnostics print it
 */
public record SourceFile(Path path, String text) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
