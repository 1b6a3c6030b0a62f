package io.tollgate.cli.proxy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The version a proxy runs: what start waits for, and what a refusal does and does not change. */
class AppliedVersionTest {
    private final AppliedVersion applied = new AppliedVersion();

    @Test
    void nothingYetTimesOutTheFirstWait() {
        assertThat(applied.current()).isEmpty();
        assertThatThrownBy(() -> applied.awaitFirst(Duration.ofMillis(1))).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aRefusedFirstSnapshotIsReportedToStart() throws Exception {
        applied.refused("version v1: bad");

        assertThat(applied.awaitFirst(Duration.ofSeconds(1))).contains("version v1: bad");
        assertThat(applied.current()).isEmpty();
    }

    @Test
    void aLaterRefusalKeepsTheRunningVersion() throws Exception {
        applied.accepted("v1");
        applied.refused("version v2: bad");

        assertThat(applied.awaitFirst(Duration.ofSeconds(1))).isEmpty();
        assertThat(applied.current()).isEqualTo("v1");
        assertThat(applied.await("v2", Duration.ofMillis(1))).isFalse();
        assertThat(applied.await("v1", Duration.ofMillis(1))).isTrue();
    }

    @Test
    void awaitReturnsOnceTheVersionIsAcceptedElsewhere() throws Exception {
        Thread.ofVirtual().start(() -> applied.accepted("v3"));

        assertThat(applied.await("v3", Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void aRefusalAfterAFirstRefusalThenAcceptanceStartsCleanly() throws Exception {
        applied.refused("version v1: bad");
        applied.accepted("v2");

        assertThat(applied.awaitFirst(Duration.ofSeconds(1))).isEmpty();
    }
}
