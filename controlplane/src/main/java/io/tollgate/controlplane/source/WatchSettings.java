package io.tollgate.controlplane.source;

import java.time.Duration;

/**
 * @param debounce quiet time after a file event before the set is read (an editor's save is several events, a few
 *                 milliseconds apart; a longer burst keeps extending the wait, up to ten periods). The default,
 *                 25 ms, is a quarter of Istio's PILOT_DEBOUNCE_AFTER: Tollgate's goal is a policy edit in force
 *                 everywhere within 200 ms, and a sleep of 100 ms would be half of that
 * @param rescan   how often the files are re-read and hashed even without events: file events can be missed
 *                 (network file systems, a directory created after start), the hash check never is
 */
public record WatchSettings(Duration debounce, Duration rescan) {
    public static final WatchSettings DEFAULT = new WatchSettings(Duration.ofMillis(25), Duration.ofSeconds(5));

    public WatchSettings {
        if (debounce.isNegative() || debounce.isZero() || rescan.isNegative() || rescan.isZero()) {
            throw new IllegalArgumentException("debounce and rescan must be positive");
        }
    }
}
