package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem is reported in one run, in file and line order, never only the first. */
class MultipleErrorsTest {
    @TempDir
    Path dir;

    @Test
    void reportsEveryErrorOfEveryDocument() {
        LoadResult result = new Loads(dir).load("many.yaml", """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  servers:
                  - port: {number: 99999, name: tls, protocol: TLS}
                    hosts: ["*"]
                    tls: {mode: ISTIO_MUTUAL, credentialName: x}
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: db, namespace: demo}
                spec:
                  hosts: ["*"]
                  resolution: DNS
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: demo}
                spec:
                  action: DENY
                """);
        assertThat(Loads.errors(result)).extracting(d -> d.location().line(), Diagnostic::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6, "port number 99999 must be in the range 1..65535"),
                org.assertj.core.groups.Tuple.tuple(8, "ISTIO_MUTUAL TLS cannot have associated credentialName"),
                org.assertj.core.groups.Tuple.tuple(14, "invalid host *: a service entry cannot take every host"),
                org.assertj.core.groups.Tuple.tuple(20, "DENY action without rules is meaningless as it will never be "
                        + "triggered, add an empty rule {} if you want it be triggered for every request"));
        assertThat(result.resources().all()).isEmpty();
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineAndOtherFilesStillLoad() {
        Loads loads = new Loads(dir);
        loads.write("a-good.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: demo}
                """);
        loads.write("b-broken.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: [unclosed
                """);
        LoadResult result = new ResourceLoader().load(java.util.List.of(dir), java.util.Optional.empty());
        assertThat(Loads.errors(result)).singleElement().satisfies(d -> {
            assertThat(d.location().file()).isEqualTo(dir.resolve("b-broken.yaml").toString());
            assertThat(d.location().line()).isEqualTo(4);
            assertThat(d.message()).startsWith("invalid YAML: ");
        });
        assertThat(result.resources().namespaces()).hasSize(1);
    }
}
