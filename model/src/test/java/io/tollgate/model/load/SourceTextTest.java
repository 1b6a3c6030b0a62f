package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** In-memory texts (what the control plane ships to proxies) load exactly as the same files do. */
class SourceTextTest {
    private static final String POLICY = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: p, namespace: demo}
            spec:
              action: ALLOW
              rules:
              - from: [{source: {principals: ["cluster.local/ns/demo/sa/client"]}}]
                to: [{operation: {ports: ["3306"], methods: [GET]}}]
            """;

    @TempDir
    Path dir;

    @Test
    void textsAndFilesGiveEqualResultsUnderTheSameName() {
        Path file = new Loads(dir).write("p.yaml", POLICY);
        LoadResult fromFile = new ResourceLoader().load(List.of(file), Optional.empty());
        LoadResult fromText = new ResourceLoader().loadTexts(List.of(new SourceText(file.toString(), POLICY)), Optional.empty());
        assertThat(fromText).isEqualTo(fromFile);
        assertThat(fromText.diagnostics()).isNotEmpty();
    }

    @Test
    void diagnosticsNameTheText() {
        LoadResult result = new ResourceLoader().loadTexts(List.of(new SourceText("snapshot-7/policies", POLICY)),
                Optional.of(new SourceText("snapshot-7/mesh", "trustDomain: example.org\n")));
        assertThat(result.resources().mesh().trustDomain()).isEqualTo("example.org");
        assertThat(result.diagnostics()).extracting(Diagnostic::toString).containsExactly("snapshot-7/policies:7: warning: "
                + "AuthorizationPolicy demo/p: spec.rules[0]: HTTP-only fields (methods) cannot match a TCP connection, "
                + "so this ALLOW rule never matches one");
    }

    @Test
    void aDocumentCutFromLineTwelveReportsLinesOfTheOriginalFile() {
        String document = """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: demo}
                spec: {actoin: DENY}
                """;
        LoadResult result = new ResourceLoader().loadTexts(List.of(SourceText.startingAt("policies.yaml", 12, document)),
                java.util.Optional.empty());

        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.toString()).startsWith("policies.yaml:15: "));
    }
}
