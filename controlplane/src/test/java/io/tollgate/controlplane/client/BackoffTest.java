package io.tollgate.controlplane.client;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 2.0, 0.25);

    @Property
    void delaysStayWithinTheJitterBandAndNeverPassTheCap(@ForAll @IntRange(min = 1, max = 60) int failures,
                                                         @ForAll long seed) {
        double base = Math.min(100.0 * Math.pow(2, failures - 1), 10_000.0);
        Duration delay = BACKOFF.delay(failures, new SplittableRandom(seed));
        assertThat(delay.toNanos()).isBetween((long) (base * 0.75 * 1e6) - 1, (long) (base * 1e6));
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
