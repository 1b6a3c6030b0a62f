package io.tollgate.controlplane.distribution;

import java.util.Objects;

/**
 * One YAML document exactly as the user wrote it, and where it starts. Proxies re-load the text with the same
 * loader as the control plane, so every diagnostic a proxy reports still names the user's {@code file:line}.
 *
 * @param source the file the document came from, as the operator named it
 * @param line   1-based line of the document's first line in that file
 * @param yaml   the document's text
 */
public record ConfigDocument(String source, int line, String yaml) {
    public ConfigDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
    }

    /** {@code file:line}, the form every diagnostic uses. */
    public String location() {
        return source + ":" + line;
    }
}
