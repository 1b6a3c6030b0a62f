package io.tollgate.controlplane.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes test configuration the way editors and Kubernetes do: a hidden temporary file, then an atomic rename. */
public final class TestFiles {
    public static final String MESH = "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n";

    private TestFiles() {
    }

    public static Path write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A ServiceEntry document of 8 lines (no separator). */
    public static String serviceEntry(String name, String namespace, String host) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  hosts: [%s]
                  location: MESH_EXTERNAL
                """.formatted(name, namespace, host);
    }

    /** Documents joined with {@code ---} lines, so document k (0-based) starts on line 1 + 9k when each has 8 lines. */
    public static String documents(String... documents) {
        return String.join("---\n", documents);
    }
}
