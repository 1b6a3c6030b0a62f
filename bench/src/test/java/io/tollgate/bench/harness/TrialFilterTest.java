package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrialFilterTest {
    @TempDir
    Path dir;

    private BenchOptions parse(String... extra) throws IOException {
        return BenchMain.parse(BenchArgs.with(dir, extra));
    }

    @Test
    void everyTrialRunsByDefaultAndTheIdentityGuardAlways() throws IOException {
        TrialFilter all = parse().trials();
        assertThat(all.everything()).isTrue();
        assertThat(all.keeps(new LatencyTrial(1_000, 1, Duration.ZERO, Duration.ofSeconds(1), 1))).isTrue();

        TrialFilter some = parse("--trials", "sysbench,latency").trials();
        assertThat(some.everything()).isFalse();
        assertThat(some.keeps(new LatencyTrial(1_000, 1, Duration.ZERO, Duration.ofSeconds(1), 1))).isTrue();
        assertThat(some.keeps(new IntegrityTrial(1_000))).isFalse();
        assertThat(some.keeps(new IdentityTrial())).as("the identity guard proves the chain").isTrue();
    }

    @Test
    void anUnknownTrialOrAMissingProfileDirectoryIsRefusedWithTheFlagNamed() {
        assertThatThrownBy(() -> parse("--trials", "sysbench,tpcc")).hasMessageContaining("--trials: unknown trial 'tpcc'");
        assertThatThrownBy(() -> parse("--profile-dir", dir.resolve("absent").toString()))
                .hasMessageStartingWith("--profile-dir: ");
    }

    @Test
    void aProfileDirectoryGivesEachProxyAFlightRecordingOfItsOwn() throws IOException {
        Tools tools = parse("--profile-dir", dir.toString()).tools();
        assertThat(tools.profiling("tollgate-sidecar")).singleElement().asString()
                .startsWith("-XX:StartFlightRecording=").contains(dir.resolve("tollgate-sidecar-%p.jfr").toString());
        assertThat(parse().tools().profiling("tollgate-sidecar")).isEmpty();
    }
}
