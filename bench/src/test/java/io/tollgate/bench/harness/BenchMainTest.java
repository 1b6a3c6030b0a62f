package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchMainTest {
    @TempDir
    Path dir;

    private String[] args(String... extra) throws IOException {
        return BenchArgs.with(dir, extra);
    }

    @Test
    void quickIsOneShortRoundAndFullIsFiveRoundsByDefault() throws IOException {
        BenchOptions quick = BenchMain.parse(args("--quick"));
        assertThat(quick.mode()).isEqualTo(BenchOptions.Mode.QUICK);
        assertThat(quick.settings().rounds()).isEqualTo(1);
        BenchOptions full = BenchMain.parse(args());
        assertThat(full.settings().rounds()).isEqualTo(5);
        assertThat(full.settings().idleConnections()).isEqualTo(8_000);
        assertThat(full.arms()).containsExactly("direct", "haproxy", "tollgate", "tollgate-tls");
        assertThat(full.output().toString()).startsWith(dir.resolve("bench/results").toString()).endsWith(".json");
        assertThat(BenchMain.parse(args("--rounds", "7", "--arms", "direct,haproxy")).settings().rounds()).isEqualTo(7);
    }

    @Test
    void badArgumentsAreRefusedWithTheFlagNamed() {
        assertThatThrownBy(() -> BenchMain.parse(args("--rounds", "0"))).hasMessageStartingWith("--rounds: '0'");
        assertThatThrownBy(() -> BenchMain.parse(args("--arms", "direct,envoy"))).hasMessageContaining("unknown arm 'envoy'");
        assertThatThrownBy(() -> BenchMain.parse(args("--fast"))).hasMessage("--fast: unknown argument");
        assertThatThrownBy(() -> BenchMain.parse(args("--rounds"))).hasMessage("--rounds: needs a value");
        assertThatThrownBy(() -> BenchMain.parse(new String[]{"--quick"})).hasMessage("--run-dir: required");
    }

    @Test
    void theBaseArmRunsAnotherCheckoutAndNeedsIt() throws IOException {
        assertThatThrownBy(() -> BenchMain.parse(args("--arms", "tollgate,tollgate-base")))
                .hasMessageStartingWith("--arms: tollgate-base needs --base-repo");
        BenchOptions options = BenchMain.parse(args("--arms", "tollgate,tollgate-base", "--base-repo", dir.toString()));
        assertThat(options.arms()).containsExactly("tollgate", "tollgate-base");
        assertThat(options.baseRepository()).contains(dir);
        assertThat(BenchMain.parse(args()).baseRepository()).isEmpty();
    }

    @Test
    void aRunDirectoryWithoutCertificatesIsRefused() {
        assertThatThrownBy(() -> BenchMain.parse(new String[]{"--run-dir", dir.toString(), "--repo", dir.toString(),
                "--java-home", dir.toString(), "--class-path", "cp"})).hasMessageContaining("no pki/ca.crt");
    }
}
