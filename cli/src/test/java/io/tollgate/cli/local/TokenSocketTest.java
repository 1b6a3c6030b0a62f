package io.tollgate.cli.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSocketTest {
    @TempDir
    Path dir;

    @Test
    void answersARequestWithTheMintedTokenOverARootOnlySocket() throws IOException {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();
        try (TokenSocket socket = TokenSocket.open(state.tokenSocket(), (ns, sa) -> "token-for-" + ns + "-" + sa)) {
            assertThat(TokenSocket.request(state.tokenSocket(), "demo-server", "default")).isEqualTo("token-for-demo-server-default");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.tokenSocket()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.root()))).isEqualTo("rwx------");
        }
        assertThat(state.tokenSocket()).doesNotExist();
    }

    @Test
    void aRefusalReachesTheCallerWithItsReason() throws IOException {
        Path path = dir.resolve("token.sock");
        try (TokenSocket socket = TokenSocket.open(path, (ns, sa) -> {
            throw new IllegalArgumentException("namespace '" + ns + "' is not a DNS label");
        })) {
            assertThatThrownBy(() -> TokenSocket.request(path, "Bad_NS", "default"))
                    .hasMessageContaining("refused a token for Bad_NS/default")
                    .hasMessageContaining("namespace 'Bad_NS' is not a DNS label");
        }
    }

    @Test
    void noSocketSaysToStartTheMesh() {
        assertThatThrownBy(() -> TokenSocket.request(dir.resolve("absent.sock"), "demo-server", "default"))
                .hasMessageContaining("is `tollgate up` running?");
    }
}
