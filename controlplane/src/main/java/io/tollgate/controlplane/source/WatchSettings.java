package io.tollgate.controlplane.source;

import java.time.Duration;

/**
 * @param debounce quiet time after a file event before the set is read. An editor's save is several events (truncate
 *                 and write, or write a temporary file and rename it) that inotify delivers within a millisecond or
 *                 two of each other; a longer burst keeps extending the wait, up to ten periods. The default, 10 ms,
 *                 is several times that, so one save is one read. A read that still falls between the truncate and
 *                 the write of a save sees the file empty or cut short: invalid YAML is refused, but a cut at a
 *                 document boundary is a valid set without that file's later documents until the next event's read
 *                 replaces it. Saves by rename (most editors) and ConfigMap mounts (a symlink swap) never show a
 *                 partial file. Istio waits 100 ms (PILOT_DEBOUNCE_AFTER) to merge
 *                 the events of many writers; Tollgate's goal is a policy edit in force everywhere within 200 ms
 * @param rescan   how often the files are re-read and hashed even without events: file events can be missed
 *                 (network file systems, a directory created after start), the hash check never is
 */
public record WatchSettings(Duration debounce, Duration rescan) {
    public static final WatchSettings DEFAULT = new WatchSettings(Duration.ofMillis(10), Duration.ofSeconds(5));

    public WatchSettings {
        if (debounce.isNegative() || debounce.isZero() || rescan.isNegative() || rescan.isZero()) {
            throw new IllegalArgumentException("debounce and rescan must be positive");
        }
    }
}
