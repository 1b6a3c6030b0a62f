package io.tollgate.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The record of join tokens already used, on disk so that a replay fails after a control-plane restart too.
 * One line per token: {@code <id> <expiry epoch s> <used at epoch s>}. Each redemption takes an exclusive lock
 * on a side file, re-reads the record, and appends with fsync before the token is honoured, so two processes on
 * one state directory cannot both redeem a token. Lines of tokens past expiry are dropped when the record is
 * rewritten (an expired token is refused for expiry anyway).
 */
final class RedeemedTokens {
    private static final int REWRITE_AFTER_EXPIRED_LINES = 256;
    private static final Set<StandardOpenOption> CREATE_WRITE = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    private static final Set<StandardOpenOption> CREATE_APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private final Path file;
    private final Path lockFile;
    private final Clock clock;

    RedeemedTokens(CaDirectory directory, Clock clock) {
        this.file = directory.redeemedTokens();
        this.lockFile = directory.redeemedTokensLock();
        this.clock = clock;
    }

    /** Records the token as used now and returns empty, or returns when it was used if it already was. */
    synchronized Optional<Instant> redeem(String id, Instant expiresAt) throws IOException {
        try (FileChannel lockChannel = FileChannel.open(lockFile, CREATE_WRITE, PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY));
             FileLock ignored = lockChannel.lock()) {
            Instant now = clock.instant();
            Map<String, String> live = new LinkedHashMap<>();
            int expired = 0;
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    String[] fields = line.split(" ");
                    if (fields.length != 3) {
                        throw new IOException(file + ": corrupt line '" + line + "'; the replay record cannot be trusted");
                    }
                    if (fields[0].equals(id)) {
                        return Optional.of(Instant.ofEpochSecond(Long.parseLong(fields[2])));
                    }
                    if (Instant.ofEpochSecond(Long.parseLong(fields[1])).isBefore(now)) {
                        expired++;
                    } else {
                        live.put(fields[0], line);
                    }
                }
            }
            String entry = id + " " + expiresAt.getEpochSecond() + " " + now.getEpochSecond() + "\n";
            if (expired > REWRITE_AFTER_EXPIRED_LINES) {
                StringBuilder kept = new StringBuilder();
                live.values().forEach(line -> kept.append(line).append('\n'));
                AtomicFile.writeOwnerOnly(file, kept.append(entry).toString().getBytes(StandardCharsets.US_ASCII));
            } else {
                append(entry);
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            throw new IOException(file + ": corrupt number; the replay record cannot be trusted", e);
        }
    }

    private void append(String entry) throws IOException {
        try (FileChannel channel = FileChannel.open(file, CREATE_APPEND, PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY))) {
            ByteBuffer buffer = ByteBuffer.wrap(entry.getBytes(StandardCharsets.US_ASCII));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
