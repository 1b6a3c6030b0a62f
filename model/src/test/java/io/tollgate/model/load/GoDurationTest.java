package io.tollgate.model.load;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Go's time.ParseDuration syntax, which Istio's YAML uses for every duration. */
class GoDurationTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            10s, PT10S
            250ms, PT0.25S
            1h30m, PT1H30M
            1.5s, PT1.5S
            0, PT0S
            0s, PT0S
            2m3.5s, PT2M3.5S
            100us, PT0.0001S
            """)
    void parses(String text, String iso) {
        assertThat(GoDuration.parse(text)).hasValue(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            10
            10x
            -1s
            s
            1 s
            ''
            """)
    void refuses(String text) {
        assertThat(GoDuration.parse(text == null ? "" : text)).isEmpty();
    }
}
