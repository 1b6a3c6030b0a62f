package io.tollgate.controlplane.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every file of a candidate configuration, read together: the unit that is validated, and accepted or refused,
 * as a whole.
 *
 * @param resources  resource files in a stable order (as named; a directory's files by name)
 * @param meshConfig the mesh config file, if one was named
 * @param digest     SHA-256 (hex) over every path and text, to tell whether anything changed
 */
public record SourceSet(List<SourceFile> resources, Optional<SourceFile> meshConfig, String digest) {
    public SourceSet {
        resources = List.copyOf(resources);
        Objects.requireNonNull(meshConfig, "meshConfig");
        Objects.requireNonNull(digest, "digest");
    }

    /** The first eight hex digits of the digest, for version labels and logs. */
    public String shortDigest() {
        return digest.substring(0, 8);
    }
}
