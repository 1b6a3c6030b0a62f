package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicatesTest {
    private static final String POLICY = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-all
              namespace: %s
            spec: {}
            """;

    @TempDir
    Path dir;

    @Test
    void sameKindNamespaceAndNameInTwoFilesIsAnErrorAtTheSecond() {
        Loads loads = new Loads(dir);
        Path first = loads.write("a.yaml", POLICY.formatted("demo"));
        Path second = loads.write("b.yaml", POLICY.formatted("demo"));
        LoadResult result = new ResourceLoader().load(List.of(first, second), Optional.empty());

        assertThat(Loads.errors(result)).extracting(Diagnostic::toString).containsExactly(second
                + ":4: AuthorizationPolicy demo/deny-all: metadata.name: duplicate AuthorizationPolicy demo/deny-all, "
                + "first defined at " + first + ":1");
        assertThat(result.resources().authorizationPolicies()).hasSize(1);
    }

    @Test
    void sameNameInAnotherNamespaceOrOfAnotherKindIsFine() {
        LoadResult result = new Loads(dir).load("a.yaml", POLICY.formatted("demo") + "---\n" + POLICY.formatted("other")
                + """
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: deny-all, namespace: demo}
                spec:
                  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
                """);
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        assertThat(result.resources().all()).hasSize(3);
    }

    @Test
    void aFileNamedTwiceIsReadOnce() {
        Loads loads = new Loads(dir);
        Path file = loads.write("conf/a.yaml", POLICY.formatted("demo"));
        LoadResult result = new ResourceLoader().load(List.of(dir.resolve("conf"), file), Optional.empty());
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.resources().authorizationPolicies()).hasSize(1);
    }

    @Test
    void aKeyWrittenTwiceInOneMappingIsAnError() {
        LoadResult result = new Loads(dir).load("k.yaml", """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: db, namespace: demo}
                spec:
                  host: a.example.com
                  host: b.example.com
                """);
        assertThat(Loads.errors(result)).extracting(Diagnostic::toString)
                .containsExactly(dir.resolve("k.yaml") + ":6: DestinationRule demo/db: spec.host: duplicate field (first written on line 5)");
    }
}
