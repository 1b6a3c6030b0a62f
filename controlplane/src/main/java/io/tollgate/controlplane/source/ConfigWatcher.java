package io.tollgate.controlplane.source;

import io.tollgate.controlplane.distribution.ConfigSink;
import io.tollgate.controlplane.distribution.Rejection;
import io.tollgate.controlplane.distribution.ValidatedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the configuration files and turns every change into a new version or a refusal, never anything in
 * between: the whole set is read into memory, hashed (each file only when its bytes changed), and validated as
 * one; if valid it becomes version {@code v<n>-<hash>}, if not the previous version stays and the diagnostics go
 * to the sink.
 *
 * <p>Change detection has two parts: directory events (debounced, since one save is several events) trigger a
 * read; a periodic rescan reads anyway, for events the platform loses. Either way nothing happens unless the
 * content hash differs from the last one seen, valid or not.
 *
 * <p>Threads: {@link #loadInitial()} on the caller's thread before {@link #start}; afterwards everything runs on
 * the watcher's own thread, which is the only one calling the sink.
 */
public final class ConfigWatcher<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ConfigPaths paths;
    private final ConfigValidator<T> validator;
    private final WatchSettings settings;
    private final Clock clock;
    private final WatchService events;
    private final Set<Path> watched = new LinkedHashSet<>();
    // Keeps the files as last read (so a rescan hashes only what changed); same confinement as the fields below.
    private final SourceReader reader = new SourceReader();
    // Confined to the caller before start(), then to the watcher thread (start() publishes them via Thread.start).
    private String lastSeen = "";
    private long versions;
    private Thread thread;

    public ConfigWatcher(ConfigPaths paths, ConfigValidator<T> validator, WatchSettings settings, Clock clock)
            throws IOException {
        this.paths = paths;
        this.validator = validator;
        this.settings = settings;
        this.clock = clock;
        this.events = FileSystems.getDefault().newWatchService();
    }

    /** Reads and validates the files now. Call once before {@link #start}; a refusal is for the caller to report. */
    public SourceOutcome<T> loadInitial() {
        SourceRead read = reader.read(paths);
        lastSeen = read.fingerprint();
        return judge(read);
    }

    /** Starts watching; every later outcome goes to {@code sink}, on the watcher's thread. */
    public void start(ConfigSink<T> sink) {
        registerDirectories();
        thread = Thread.ofPlatform().daemon().name("tollgate-config-watch").start(() -> watch(sink));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        events.close();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Reads the files; if anything changed since last time, judges the new set. Empty when nothing changed. */
    Optional<SourceOutcome<T>> reloadIfChanged() {
        SourceRead read = reader.read(paths);
        if (read.fingerprint().equals(lastSeen)) {
            return Optional.empty();
        }
        lastSeen = read.fingerprint();
        return Optional.of(judge(read));
    }

    private SourceOutcome<T> judge(SourceRead read) {
        return switch (read) {
            case SourceRead.Unreadable unreadable ->
                    new SourceOutcome.Refused<>(new Rejection(clock.instant(), unreadable.fingerprint().substring(0, 8),
                            unreadable.problems()));
            case SourceRead.Readable readable -> judge(readable.set());
        };
    }

    private SourceOutcome<T> judge(SourceSet set) {
        ValidationResult<T> result;
        try {
            result = validator.validate(set);
        } catch (RuntimeException e) {
            // A validator that crashes has not validated: refuse the set rather than guess.
            result = new ValidationResult.Invalid<>(List.of("validation failed unexpectedly: " + e));
        }
        return switch (result) {
            case ValidationResult.Valid<T> valid -> new SourceOutcome.Accepted<>(new ValidatedConfig<>(
                    "v" + (++versions) + "-" + set.shortDigest(), valid.documents(), valid.parsed()));
            case ValidationResult.Invalid<T> invalid ->
                    new SourceOutcome.Refused<>(new Rejection(clock.instant(), set.shortDigest(), invalid.diagnostics()));
        };
    }

    private void watch(ConfigSink<T> sink) {
        try {
            while (true) {
                registerDirectories();
                WatchKey key = events.poll(settings.rescan().toNanos(), TimeUnit.NANOSECONDS);
                if (key != null) {
                    drain(key);
                    awaitQuiet();
                }
                reloadIfChanged().ifPresent(outcome -> deliver(sink, outcome));
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("configuration watcher stopped");
        }
    }

    /** Waits until no event arrived for one debounce period, or ten periods passed (a file written non-stop). */
    private void awaitQuiet() throws InterruptedException {
        long giveUp = System.nanoTime() + 10 * settings.debounce().toNanos();
        WatchKey key;
        while (System.nanoTime() < giveUp
                && (key = events.poll(settings.debounce().toNanos(), TimeUnit.NANOSECONDS)) != null) {
            drain(key);
        }
    }

    private void drain(WatchKey key) {
        key.pollEvents();
        if (!key.reset()) {
            watched.remove((Path) key.watchable()); // the directory went away; registerDirectories retries it
        }
    }

    private void deliver(ConfigSink<T> sink, SourceOutcome<T> outcome) {
        try {
            switch (outcome) {
                case SourceOutcome.Accepted<T> accepted -> sink.accepted(accepted.config());
                case SourceOutcome.Refused<T> refused -> sink.rejected(refused.rejection());
            }
        } catch (RuntimeException e) {
            // A failing sink must not stop the watcher; the next change is delivered again.
            LOG.error("configuration sink failed on {}", outcome, e);
        }
    }

    /** Watches the directory of every named path; a directory that does not exist yet is tried again later. */
    private void registerDirectories() {
        for (Path directory : directories()) {
            if (!watched.contains(directory) && Files.isDirectory(directory)) {
                try {
                    directory.register(events, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                    watched.add(directory);
                } catch (IOException e) {
                    LOG.warn("cannot watch {} ({}); relying on the periodic rescan", directory, e.getMessage());
                }
            }
        }
    }

    private Set<Path> directories() {
        Set<Path> directories = new LinkedHashSet<>();
        for (Path path : paths.resources()) {
            directories.add(Files.isDirectory(path) ? path.toAbsolutePath() : parentOf(path));
        }
        paths.meshConfig().ifPresent(mesh -> directories.add(parentOf(mesh)));
        return directories;
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }
}
