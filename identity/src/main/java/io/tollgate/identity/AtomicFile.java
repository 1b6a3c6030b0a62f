package io.tollgate.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes state files so that a reader sees the old content or the new, never half of either: a temporary file
 * beside the target, synced, then renamed over it. Secret files (keys) are created mode 0600 from the start,
 * so there is no moment at which another user could open them.
 */
public final class AtomicFile {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFile() {
    }

    /** For private keys and token keys: mode 0600. */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        write(file, content, OWNER_ONLY);
    }

    /** For certificates: mode 0644. */
    public static void writeReadable(Path file, byte[] content) throws IOException {
        write(file, content, READABLE);
    }

    /**
     * Reads a secret, refusing it when group or others may read or write it, as ssh does with private keys:
     * a key that others could have read may be in their hands, and one they could write may be theirs.
     */
    public static byte[] readOwnerOnly(Path file) throws CredentialException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(mode)) {
                throw new CredentialException(file + ": mode " + PosixFilePermissions.toString(mode)
                        + " lets other users read or change this secret; run: chmod 600 " + file);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CredentialException(file + ": cannot read: " + e, e);
        }
    }

    /** Creates the directory (and parents) if needed; a directory this creates is mode 0700. */
    public static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // Widen only after the content is in place (createTempFile honours the umask, so set it explicitly).
            Files.setPosixFilePermissions(temporary, mode);
            // Same directory, so rename(2): atomic on every POSIX file system.
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
