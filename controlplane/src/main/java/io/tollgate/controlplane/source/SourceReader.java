package io.tollgate.controlplane.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every file of a {@link ConfigPaths} into memory at once. A directory contributes its {@code .yaml} and
 * {@code .yml} files (not hidden ones: Kubernetes ConfigMap mounts keep their machinery in {@code ..data}),
 * sorted by name. Every problem is collected, not just the first.
 */
final class SourceReader {
    private SourceReader() {
    }

    static SourceRead read(ConfigPaths paths) {
        List<String> problems = new ArrayList<>();
        List<SourceFile> resources = new ArrayList<>();
        MessageDigest digest = sha256();
        Set<Path> seen = new HashSet<>(); // a file named twice (itself and through its directory) is read once
        for (Path named : paths.resources()) {
            for (Path file : expand(named, problems)) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    readFile(file, "resource", digest, problems).ifPresent(resources::add);
                }
            }
        }
        Optional<SourceFile> mesh = paths.meshConfig().flatMap(file -> readFile(file, "mesh", digest, problems));
        if (!problems.isEmpty()) {
            String fingerprint = HexFormat.of().formatHex(
                    sha256().digest(String.join("\n", problems).getBytes(StandardCharsets.UTF_8)));
            return new SourceRead.Unreadable(List.copyOf(problems), fingerprint);
        }
        return new SourceRead.Readable(new SourceSet(resources, mesh, HexFormat.of().formatHex(digest.digest())));
    }

    private static List<Path> expand(Path named, List<String> problems) {
        if (!Files.isDirectory(named)) {
            return List.of(named);
        }
        try (Stream<Path> entries = Files.list(named)) {
            return entries.filter(SourceReader::isConfigFile).sorted().toList();
        } catch (IOException e) {
            problems.add(named + ": cannot list directory: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean isConfigFile(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }

    /** Reads one file and feeds its role, path and bytes to {@code digest}, length-prefixed so no two sets collide. */
    private static Optional<SourceFile> readFile(Path file, String role, MessageDigest digest, List<String> problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] path = file.toString().getBytes(StandardCharsets.UTF_8);
            digest.update((role + "\0" + path.length + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
            digest.update(path);
            digest.update(bytes);
            return Optional.of(new SourceFile(file, utf8(bytes)));
        } catch (NoSuchFileException e) {
            problems.add(file + ": does not exist");
        } catch (CharacterCodingException e) {
            problems.add(file + ": is not UTF-8 text");
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Decodes strictly: bytes that are not UTF-8 fail. The JDK's lenient decoding is several times faster (it has
     * intrinsics for ASCII); it marks every malformed sequence with U+FFFD, so only a text holding U+FFFD (rare,
     * and possibly written on purpose) needs the strict decoder to tell which.
     */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
