package io.tollgate.cli.proxy;

import io.tollgate.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags of {@code tollgate gateway} and {@code tollgate sidecar}: bad input ends with exit 2 and one line naming
 * the flag and the problem, before anything listens; an unreachable control plane is exit 1.
 */
class ProxyCommandsTest {
    private static final String RDS = "rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com";

    @TempDir
    Path dir;
    private LocalMesh mesh;

    record Ran(int exitCode, String out, String err) {
    }

    @BeforeEach
    void startControlPlane() throws Exception {
        mesh = new LocalMesh(dir, 3306);
    }

    @AfterEach
    void stop() throws Exception {
        mesh.close();
    }

    private static Ran tollgate(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), arguments);
        return new Ran(code, out.toString(), err.toString());
    }

    private String controlPlane() {
        return "127.0.0.1:" + mesh.controlPlane.address().getPort();
    }

    @Test
    void aTokenIsRequired() {
        Ran ran = tollgate("gateway", "--control-plane", controlPlane(), "--namespace", "istio-system",
                "--service-account", "istio-egressgateway-service-account");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).contains("--token").contains("--token-file");
    }

    @Test
    void aResolveThatIsNotHostEqualsIpIsRefused() {
        Ran ran = tollgate("gateway", "--control-plane", controlPlane(), "--token", "x", "--namespace", "istio-system",
                "--service-account", "sa", "--resolve", RDS + "=db.example.com");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).contains("--resolve").contains("'db.example.com' is not an IP address");
    }

    @Test
    void aTimeoutThatIsNotADurationIsRefused() {
        Ran ran = tollgate("sidecar", "--control-plane", controlPlane(), "--token", "x", "--namespace", "demo-server",
                "--service-account", "default", "--idle-timeout", "10 minutes");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).contains("--idle-timeout").contains("'10 minutes' is not a duration");
    }

    @Test
    void aMalformedTokenIsBadInput() {
        Ran ran = tollgate("gateway", "--control-plane", controlPlane(), "--token", "not-a-token", "--namespace",
                "istio-system", "--service-account", "istio-egressgateway-service-account");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).startsWith("tollgate gateway: token: ");
    }

    @Test
    void aTokenFileForAnotherWorkloadIsBadInput() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), mesh.token("demo-server", "default") + "\n");

        Ran ran = tollgate("sidecar", "--control-plane", controlPlane(), "--token-file", tokenFile.toString(),
                "--namespace", "demo-frontend", "--service-account", "default");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).contains("admits spiffe://cluster.local/ns/demo-server/sa/default")
                .contains("namespace 'demo-frontend'");
    }

    @Test
    void aBindOutsideLoopbackIsRefusedBeforeAnythingStarts() {
        Ran ran = tollgate("sidecar", "--control-plane", controlPlane(), "--token", mesh.token("demo-server", "default"),
                "--namespace", "demo-server", "--service-account", "default", "--bind", RDS + "=10.1.2.3");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).contains("bind " + RDS + "=10.1.2.3").contains("IPv4 loopback");
        assertThat(mesh.controlPlane.status().proxies()).isEmpty();
    }

    @Test
    void aMalformedMeshServiceIsRefused() {
        Ran ran = tollgate("sidecar", "--control-plane", controlPlane(), "--token", "x", "--namespace", "demo-server",
                "--service-account", "default", "--mesh-service", "istio-egressgateway:13306");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.err()).contains("--mesh-service").contains("istio-egressgateway:13306");
    }

    @Test
    void anUnreachableControlPlaneIsAFailureNotBadInput() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Ran ran = tollgate("gateway", "--control-plane", "127.0.0.1:" + closed, "--token",
                mesh.token("istio-system", "istio-egressgateway-service-account"), "--namespace", "istio-system",
                "--service-account", "istio-egressgateway-service-account");

        assertThat(ran.exitCode()).isEqualTo(1);
        assertThat(ran.err()).contains("127.0.0.1:" + closed);
    }
}
