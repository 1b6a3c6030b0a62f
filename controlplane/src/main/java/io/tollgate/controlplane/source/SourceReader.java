package io.tollgate.controlplane.source;

import io.tollgate.controlplane.digest.Sha256;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every file of a {@link ConfigPaths} into memory at once. A directory contributes its {@code .yaml} and
 * {@code .yml} files (not hidden ones: Kubernetes ConfigMap mounts keep their machinery in {@code ..data}),
 * sorted by name. Every problem is collected, not just the first, in the order the paths were named.
 *
 * <p>The set's digest is SHA-256 over each file's role, path and SHA-256 ({@link Sha256}: libcrypto where the
 * system has it). The first read hashes on all cores (a cold start reads a thousand files); a file
 * whose bytes equal those read last time keeps its hash and its very {@link SourceFile}: a rescan or an edit of one
 * file hashes that one file, and the validator recognises the unchanged texts by identity.
 *
 * <p>Threads: {@link #read} is called by one thread at a time (the caller before the watcher starts, then the
 * watcher's thread); what was read last is confined to it, and only read by the pool's workers during a call.
 */
final class SourceReader {
    /** One file as read: its bytes (to recognise it next time), their hash, and the decoded text. */
    private record Seen(byte[] bytes, byte[] sha256, SourceFile file) {
    }

    /** A place in the outcome: a problem found while listing, or a file to read in that role. */
    private record Slot(String problem, Path file, String role) {
    }

    /** What reading one slot gave: the file, or the problem. */
    private record Outcome(Seen seen, String problem, String role) {
    }

    private Map<Path, Seen> last = Map.of();

    SourceRead read(ConfigPaths paths) {
        List<Slot> slots = new ArrayList<>();
        Set<Path> seen = new HashSet<>(); // a file named twice (itself and through its directory) is read once
        for (Path named : paths.resources()) {
            for (Slot slot : expand(named)) {
                if (slot.problem() != null || seen.add(slot.file().toAbsolutePath().normalize())) {
                    slots.add(slot);
                }
            }
        }
        paths.meshConfig().ifPresent(mesh -> slots.add(new Slot(null, mesh, "mesh")));
        Map<Path, Seen> previous = last;
        // The first read hashes every file: on all cores. Later reads (an edit, a rescan) hash what changed, a file
        // or two, and are mostly system calls: on this thread, where they do not wait for a pool worker that a busy
        // machine has descheduled (a forked half of the files is joined only when its thief runs).
        var stream = previous.isEmpty() ? slots.parallelStream() : slots.stream();
        List<Outcome> outcomes = stream.map(slot -> slot.problem() != null
                ? new Outcome(null, slot.problem(), slot.role())
                : readFile(slot.file(), slot.role(), previous.get(slot.file()))).toList();

        List<String> problems = new ArrayList<>();
        List<SourceFile> resources = new ArrayList<>();
        Optional<SourceFile> mesh = Optional.empty();
        Map<Path, Seen> read = HashMap.newHashMap(outcomes.size());
        MessageDigest digest = sha256();
        for (Outcome outcome : outcomes) {
            if (outcome.problem() != null) {
                problems.add(outcome.problem());
                continue;
            }
            SourceFile file = outcome.seen().file();
            read.put(file.path(), outcome.seen());
            // Length-prefixed, so that no two sets collide.
            byte[] path = file.path().toString().getBytes(StandardCharsets.UTF_8);
            digest.update((outcome.role() + "\0" + path.length + "\0").getBytes(StandardCharsets.UTF_8));
            digest.update(path);
            digest.update(outcome.seen().sha256());
            if (outcome.role().equals("mesh")) {
                mesh = Optional.of(file);
            } else {
                resources.add(file);
            }
        }
        last = read;
        if (!problems.isEmpty()) {
            String fingerprint = HexFormat.of().formatHex(
                    sha256().digest(String.join("\n", problems).getBytes(StandardCharsets.UTF_8)));
            return new SourceRead.Unreadable(List.copyOf(problems), fingerprint);
        }
        return new SourceRead.Readable(new SourceSet(resources, mesh, HexFormat.of().formatHex(digest.digest())));
    }

    private static List<Slot> expand(Path named) {
        if (!Files.isDirectory(named)) {
            return List.of(new Slot(null, named, "resource"));
        }
        try (Stream<Path> entries = Files.list(named)) {
            return entries.filter(SourceReader::isConfigFile).sorted().map(f -> new Slot(null, f, "resource")).toList();
        } catch (IOException e) {
            return List.of(new Slot(named + ": cannot list directory: " + e.getMessage(), null, "resource"));
        }
    }

    private static boolean isConfigFile(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }

    /** Reads one file; the same bytes as {@code before} give {@code before} back, hash and text included. */
    private static Outcome readFile(Path file, String role, Seen before) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (before != null && Arrays.equals(before.bytes(), bytes)) {
                return new Outcome(before, null, role);
            }
            return new Outcome(new Seen(bytes, Sha256.of(bytes), new SourceFile(file, utf8(bytes))), null, role);
        } catch (NoSuchFileException e) {
            return new Outcome(null, file + ": does not exist", role);
        } catch (CharacterCodingException e) {
            return new Outcome(null, file + ": is not UTF-8 text", role);
        } catch (IOException e) {
            return new Outcome(null, file + ": cannot read: " + e.getMessage(), role);
        }
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
