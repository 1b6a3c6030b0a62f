package io.tollgate.controlplane.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator named: resource files or directories ({@code -f}, repeatable; a directory means the
 * {@code .yaml}/{@code .yml} files directly in it) and an optional mesh config file.
 */
public record ConfigPaths(List<Path> resources, Optional<Path> meshConfig) {
    public ConfigPaths {
        resources = List.copyOf(resources);
        Objects.requireNonNull(meshConfig, "meshConfig");
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("at least one resource file or directory is needed");
        }
    }
}
