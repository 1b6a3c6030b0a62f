package io.tollgate.cli.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Where a running local mesh leaves what {@code tollgate run} needs to find it: {@code mesh.json} (addresses, the
 * root fingerprint, the owner's pid) and {@code token.sock}, the root-only socket that hands out join tokens.
 * The directory is made 0700 so nobody else can even reach the socket, whatever its own mode.
 *
 * @param root the directory; {@code /run/tollgate} for root, {@code ~/.tollgate} otherwise, or {@code --state-dir}
 */
public record StateDirectory(Path root) {
    public static final Path SYSTEM_DEFAULT = Path.of("/run/tollgate");

    public StateDirectory {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** The default for a user: root keeps the mesh in /run (gone at reboot, as the pods are); others in their home. */
    public static StateDirectory defaultFor(boolean superuser, Path home) {
        return new StateDirectory(superuser ? SYSTEM_DEFAULT : home.resolve(".tollgate"));
    }

    public Path meshFile() {
        return root.resolve("mesh.json");
    }

    public Path tokenSocket() {
        return root.resolve("token.sock");
    }

    /** The control plane's CA and other durable state: kept across runs of {@code tollgate up}. */
    public Path controlPlaneDir() {
        return root.resolve("control-plane");
    }

    /** Creates the directory if needed and makes it 0700. */
    public void prepare() throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
