package io.tollgate.dataplane.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {
    private final CommandRunner commands = new CommandRunner(Duration.ofSeconds(20));

    @Test
    void returnsOutputAndFeedsStdin() throws Exception {
        assertThat(commands.run(List.of("sh", "-c", "echo out; echo err >&2"))).isEqualTo("out\nerr\n");
        assertThat(commands.run(List.of("cat"), "rules\n")).isEqualTo("rules\n");
    }

    @Test
    void failureNamesTheCommandLineTheStatusAndWhatItSaid() {
        assertThatThrownBy(() -> commands.run(List.of("sh", "-c", "echo no such namespace >&2; exit 3")))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("`sh -c 'echo no such namespace >&2; exit 3'` exited with status 3: no such namespace")
                .satisfies(e -> assertThat(((CommandFailedException) e).exitStatus()).isEqualTo(3));
    }

    @Test
    void aCommandThatHangsIsKilledAndReported() {
        CommandRunner impatient = new CommandRunner(Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.run(List.of("sleep", "30")))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("`sleep 30` did not finish");
    }

    @Test
    void attemptReportsFailureWithoutThrowing() throws Exception {
        CommandRunner.Result result = commands.attempt(List.of("sh", "-c", "echo busy; exit 1"), "");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).isEqualTo("busy\n");
    }
}
