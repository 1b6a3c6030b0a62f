package io.tollgate.cli.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeshStateFileTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsTheStateOfARunningMesh() throws IOException {
        MeshStateFile file = new MeshStateFile(new StateDirectory(dir));
        MeshState state = new MeshState("127.0.0.1:15012", "sha256:ab", List.of("gw.istio-system.svc.cluster.local:13306=127.0.0.1:4000"),
                ProcessHandle.current().pid());

        file.write(state);

        assertThat(file.read()).contains(state);
        assertThat(file.requireRunning()).isEqualTo(state);
    }

    @Test
    void stateOfADeadProcessIsReportedAsStale() throws IOException, InterruptedException {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        MeshStateFile file = new MeshStateFile(new StateDirectory(dir));
        file.write(new MeshState("127.0.0.1:15012", "sha256:ab", List.of(), exited.pid()));

        assertThatThrownBy(file::requireRunning)
                .hasMessageContaining("is gone (process " + exited.pid() + " is not running)")
                .hasMessageContaining("tollgate up");
    }

    @Test
    void noStateSaysHowToStartAMesh() {
        assertThatThrownBy(() -> new MeshStateFile(new StateDirectory(dir)).requireRunning())
                .hasMessageContaining("no local mesh is running")
                .hasMessageContaining("tollgate up -f DIR");
    }

    @Test
    void aMalformedFileIsNamed() throws IOException {
        StateDirectory state = new StateDirectory(dir);
        Files.writeString(state.meshFile(), "{\"controlPlane\": 3");
        assertThatThrownBy(() -> new MeshStateFile(state).read()).hasMessageStartingWith(state.meshFile().toString());
    }
}
