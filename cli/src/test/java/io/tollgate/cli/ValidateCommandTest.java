package io.tollgate.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tollgate validate} through {@link Main#run}: exit codes, the summary on stdout, diagnostics on stderr. */
class ValidateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path dir;

    @BeforeEach
    void captureStandardStreams() {
        // Main writes to the process's streams, as a CLI must; the test borrows them and gives them back.
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void validConfigurationExitsZeroWithASummary() throws IOException {
        write("conf/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: demo}\n");
        write("conf/gw.yaml", """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: demo}
                spec:
                  servers: [{port: {number: 443, name: http-443, protocol: TLS}, hosts: ["*"], tls: {mode: ISTIO_MUTUAL}}]
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                """);
        Path mesh = write("mesh.yaml", "outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n");

        int code = Main.run("validate", "-f", dir.resolve("conf").toString(), "--mesh-config", mesh.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ok: 2 resources (1 Namespace, 1 Gateway); 1 warning, 1 note\n");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                dir.resolve("conf/gw.yaml") + ":5: warning: Gateway demo/gw: spec.servers[0].port.name: port name \"http-443\" "
                        + "says HTTP but the port's protocol is TLS; name it after its protocol, e.g. \"tls-443\"",
                dir.resolve("conf/gw.yaml") + ":7: note: Secret s: skipped: Tollgate reads only ServiceEntry, Gateway, "
                        + "DestinationRule, VirtualService, AuthorizationPolicy and Namespace");
    }

    @Test
    void invalidConfigurationExitsTwoAndPrintsEveryError() throws IOException {
        Path file = write("bad.yaml", """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: demo}
                spec:
                  action: CUSTOM
                  rules:
                  - to: [{operation: {prots: ["3306"]}}]
                """);

        int code = Main.run("validate", "-f", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("invalid: 2 errors, 0 warnings, 0 notes\n");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                file + ":5: AuthorizationPolicy demo/p: spec.action: CUSTOM needs an external authorizer (provider), "
                        + "which Tollgate does not support",
                file + ":7: AuthorizationPolicy demo/p: spec.rules[0].to[0].operation.prots: unknown field \"prots\"");
    }

    @Test
    void aMissingFileIsInvalidInput() {
        int code = Main.run("validate", "-f", dir.resolve("absent.yaml").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.yaml: cannot read: no such file or directory");
    }

    @Test
    void withoutFilesItIsAUsageError() {
        assertThat(Main.run("validate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--filename=PATH'");
    }

    @Test
    void theSeedScenarioIsValid() {
        Path seed = Path.of("..", "examples", "seed").toAbsolutePath().normalize();
        int code = Main.run("validate", "-f", seed.toString(), "--mesh-config", seed.resolve("mesh-config.yaml").toString());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ok: 6 resources (1 Namespace, 1 ServiceEntry, 1 Gateway, "
                + "1 DestinationRule, 1 VirtualService, 1 AuthorizationPolicy); 2 warnings, 2 notes\n");
    }
}
