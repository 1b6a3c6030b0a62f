package io.tollgate.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's copy of the seed's YAML, the directory {@code tollgate up} watches: every resource of the walk-through
 * but its AuthorizationPolicy, which the steps write, change and delete as the walk-through's reader does in the
 * console. Writes go to a temporary file renamed into place, so the watcher never reads half a policy.
 */
final class SeedFiles {
    static final String POLICY_FILE = "06-authorization-policy.yaml";
    static final String MESH_CONFIG = "mesh-config.yaml";
    private final Path seed;
    private final Path resources;
    private final Path meshConfig;

    private SeedFiles(Path seed, Path resources, Path meshConfig) {
        this.seed = seed;
        this.resources = resources;
        this.meshConfig = meshConfig;
    }

    /** Copies {@code seed}'s resource files (not the policy) into {@code workDir}/resources. */
    static SeedFiles copy(Path seed, Path workDir) throws IOException {
        if (!Files.isRegularFile(seed.resolve(POLICY_FILE)) || !Files.isRegularFile(seed.resolve(MESH_CONFIG))) {
            throw new IOException(seed + " is not the seed directory (no " + POLICY_FILE + " or " + MESH_CONFIG
                    + "); pass --seed DIR, the repository's examples/seed");
        }
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        try (Stream<Path> files = Files.list(seed)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("0[0-5]-.*\\.yaml")).sorted().toList()) {
                Files.copy(file, resources.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path meshConfig = workDir.resolve(MESH_CONFIG);
        Files.copy(seed.resolve(MESH_CONFIG), meshConfig, StandardCopyOption.REPLACE_EXISTING);
        return new SeedFiles(seed, resources, meshConfig);
    }

    Path resources() {
        return resources;
    }

    Path meshConfig() {
        return meshConfig;
    }

    /** The walk-through's own policy, as the seed has it (DENY, namespaces [demo-frontend]). */
    String literalPolicy() throws IOException {
        return Files.readString(seed.resolve(POLICY_FILE), StandardCharsets.UTF_8);
    }

    void writePolicy(String yaml) throws IOException {
        write(resources.resolve(POLICY_FILE), yaml);
    }

    /** Deletes the resource files named, as {@code kubectl delete} would delete the resources in them. */
    void delete(List<String> fileNames) throws IOException {
        for (String name : fileNames) {
            Files.deleteIfExists(resources.resolve(name));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
