package io.tollgate.controlplane.source;

import java.time.Duration;

/**
 * @param debounce quiet time after a file event before the set is read (an editor's save is several events)
 * @param rescan   how often the files are re-read and hashed even without events: file events can be missed
 *                 (network file systems, a directory created after start), the hash check never is
 */
public record WatchSettings(Duration debounce, Duration rescan) {
    public static final WatchSettings DEFAULT = new WatchSettings(Duration.ofMillis(100), Duration.ofSeconds(5));

    public WatchSettings {
        if (debounce.isNegative() || debounce.isZero() || rescan.isNegative() || rescan.isZero()) {
            throw new IllegalArgumentException("debounce and rescan must be positive");
        }
    }
}
