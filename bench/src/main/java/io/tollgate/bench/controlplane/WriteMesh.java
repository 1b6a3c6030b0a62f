package io.tollgate.bench.controlplane;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's mesh to a directory and leaves it there, for a cold start of the real
 * {@code tollgate control-plane} process ({@code bench/control-plane-scale real}): {@code DIR/resources/} and
 * {@code DIR/mesh-config.yaml}.
 */
public final class WriteMesh {
    private WriteMesh() {
    }

    /** Arguments: DIR [mesh-wide|namespace-local] [teams=1000]. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: WriteMesh DIR [mesh-wide|namespace-local] [teams=1000]");
        }
        Exports exports = args.length > 1 && args[1].equals("mesh-wide") ? Exports.MESH_WIDE : Exports.NAMESPACE_LOCAL;
        int teams = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path root = Files.createDirectories(Path.of(args[0]));
        MeshFiles files = MeshFiles.writeTo(root, teams, 10, 10, exports);
        System.out.printf("%s: %d documents, %.1f MB%n", root, files.documents(), files.bytes() / 1e6);
    }
}
