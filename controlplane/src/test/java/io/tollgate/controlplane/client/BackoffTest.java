package io.tollgate.controlplane.client;

import io.tollgate.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 2.0, 0.25);

    private static final int MAX_FAILURES = 60;

    private record Attempt(int failures, long seed) {
    }

    @Test
    void delaysStayWithinTheJitterBandAndNeverPassTheCap() {
        SeededProperty.check(1000, edges(), r -> new Attempt(1 + r.nextInt(MAX_FAILURES), r.nextLong()), attempt -> {
            double base = Math.min(100.0 * Math.pow(2, attempt.failures() - 1), 10_000.0);
            Duration delay = BACKOFF.delay(attempt.failures(), new SplittableRandom(attempt.seed()));
            assertThat(delay.toNanos()).isBetween((long) (base * 0.75 * 1e6) - 1, (long) (base * 1e6));
        });
    }

    /** The first and last failure counts, the last before the cap (6.4 s) and the first at it, with extreme seeds. */
    private static List<Attempt> edges() {
        List<Attempt> edges = new ArrayList<>();
        for (int failures : List.of(1, 2, 7, 8, MAX_FAILURES)) {
            for (long seed : List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)) {
                edges.add(new Attempt(failures, seed));
            }
        }
        return edges;
    }

    @Test
    void delaysGrowUntilTheCap() {
        Backoff exact = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0);
        var random = new SplittableRandom(1);
        assertThat(exact.delay(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(exact.delay(2, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(exact.delay(4, random)).isEqualTo(Duration.ofMillis(800));
        assertThat(exact.delay(5, random)).isEqualTo(Duration.ofSeconds(1));
        assertThat(exact.delay(500, random)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nonsenseSettingsAreRefusedNotClamped() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0))
                .hasMessageContaining("initial backoff must be positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .hasMessageContaining("below the initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0))
                .hasMessageContaining("multiplier must be >= 1");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.0))
                .hasMessageContaining("jitter must be in [0, 1)");
    }
}
