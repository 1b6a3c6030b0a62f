package io.tollgate.bench.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a large mesh configuration as YAML text: ServiceEntries and AuthorizationPolicies spread over files of
 * {@value #PER_FILE} documents, the shape a platform team with thousands of databases would have.
 */
final class SyntheticConfig {
    static final int PER_FILE = 500;
    static final int NAMESPACES = 10;

    private SyntheticConfig() {
    }

    /** Writes the files into {@code dir}; returns them. */
    static List<Path> write(Path dir, int serviceEntries, int policies) throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(writeKind(dir, "services", serviceEntries, SyntheticConfig::serviceEntry));
        files.addAll(writeKind(dir, "policies", policies, i -> policy(i, "DENY")));
        return files;
    }

    /** Rewrites the file holding policy {@code index} with that one policy's action changed. */
    static void changePolicy(Path dir, int policies, int index, String action) throws IOException {
        int file = index / PER_FILE;
        StringBuilder text = new StringBuilder();
        for (int i = file * PER_FILE; i < Math.min(policies, (file + 1) * PER_FILE); i++) {
            text.append(i == index ? policy(i, action) : policy(i, "DENY")).append("---\n");
        }
        atomicWrite(dir.resolve(fileName("policies", file)), text.toString());
    }

    /** Rewrites the file holding ServiceEntry {@code index} with that one entry's resolution changed. */
    static void changeServiceEntry(Path dir, int serviceEntries, int index, String resolution) throws IOException {
        int file = index / PER_FILE;
        StringBuilder text = new StringBuilder();
        for (int i = file * PER_FILE; i < Math.min(serviceEntries, (file + 1) * PER_FILE); i++) {
            String entry = serviceEntry(i);
            text.append(i == index ? entry.replace("resolution: DNS", "resolution: " + resolution) : entry).append("---\n");
        }
        atomicWrite(dir.resolve(fileName("services", file)), text.toString());
    }

    private static List<Path> writeKind(Path dir, String kind, int count, java.util.function.IntFunction<String> document)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (int file = 0; file * PER_FILE < count; file++) {
            StringBuilder text = new StringBuilder();
            for (int i = file * PER_FILE; i < Math.min(count, (file + 1) * PER_FILE); i++) {
                text.append(document.apply(i)).append("---\n");
            }
            files.add(atomicWrite(dir.resolve(fileName(kind, file)), text.toString()));
        }
        return files;
    }

    private static String fileName(String kind, int file) {
        return "%s-%03d.yaml".formatted(kind, file);
    }

    static String serviceEntry(int i) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: db-%1$d
                  namespace: team-%2$d
                spec:
                  hosts:
                  - rm-%1$07d.mysql.example.rds.aliyuncs.com
                  ports:
                  - number: 3306
                    name: tcp-mysql
                    protocol: TCP
                  resolution: DNS
                  location: MESH_EXTERNAL
                  exportTo: ["*"]
                """.formatted(i, i % NAMESPACES);
    }

    static String policy(int i, String action) {
        return """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: db-%1$d-access
                  namespace: istio-system
                spec:
                  selector:
                    matchLabels:
                      app: istio-egressgateway
                  action: %3$s
                  rules:
                  - from:
                    - source:
                        namespaces: ["team-%2$d"]
                    to:
                    - operation:
                        ports: ["13306"]
                    when:
                    - key: connection.sni
                      values: ["rm-%1$07d.mysql.example.rds.aliyuncs.com"]
                """.formatted(i, i % NAMESPACES, action);
    }

    private static Path atomicWrite(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
