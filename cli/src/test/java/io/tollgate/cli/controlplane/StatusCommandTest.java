package io.tollgate.cli.controlplane;

import io.tollgate.cli.Main;
import io.tollgate.cli.local.GatewayWorkload;
import io.tollgate.cli.local.LocalMesh;
import io.tollgate.cli.local.LocalMeshSettings;
import io.tollgate.cli.local.StateDirectory;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.controlplane.mesh.ControlPlaneSettings;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tollgate status} against a running control plane, authenticated by the admin credentials of its state dir. */
class StatusCommandTest {
    private static final Path SEED = Path.of("..", "examples", "seed").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[]{String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void showsTheVersionInForceAndRefusedEdits() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.copy(SEED.resolve("06-authorization-policy.yaml"), conf.resolve("policy.yaml"));
        Path state = dir.resolve("state");
        try (ControlPlane controlPlane = ControlPlane.start(new ControlPlaneSettings(List.of(conf), Optional.empty(), state,
                new InetSocketAddress("127.0.0.1", 0)), Clock.systemUTC())) {
            String address = "127.0.0.1:" + controlPlane.address().getPort();

            String[] result = run("status", "--state-dir", state.toString(), "--control-plane", address);

            assertThat(result[0]).as(result[2]).isEqualTo("0");
            assertThat(result[1]).startsWith("CONTROL PLANE  " + controlPlane.version() + "\n").contains("PROXIES        0");
        }
    }

    @Test
    void readsALocalMeshsStateDirectory() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("mesh"));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (LocalMesh mesh = LocalMesh.start(new LocalMeshSettings(List.of(SEED.resolve("03-gateway.yaml")), Optional.empty(),
                state, new InetSocketAddress(loopback, 0), GatewayWorkload.ISTIO_DEFAULT, ListenerAddresses.ephemeral(loopback),
                Map.of(), AccessLog.discard()))) {
            assertThat(mesh.awaitGateway(mesh.controlPlane().version(), Duration.ofSeconds(20))).isTrue();

            String[] result = run("status", "--state-dir", state.root().toString());

            assertThat(result[0]).as(result[2]).isEqualTo("0");
            assertThat(result[1]).startsWith("CONTROL PLANE  " + mesh.controlPlane().version() + "\n")
                    .containsPattern("GATEWAY +istio-system/istio-egressgateway-service-account +" + mesh.controlPlane().version());
        }
        assertThat(run("status", "--state-dir", state.root().toString())[0]).as("after the mesh stopped").isEqualTo("2");
    }

    @Test
    void aStateDirectoryWithoutAControlPlaneIsBadInput() {
        String[] result = run("status", "--state-dir", dir.resolve("nothing").toString());

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("no running control plane recorded");
    }
}
