package io.tollgate.model.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts read once and combined again and again (as the control plane does on every edit) give exactly what loading
 * them afresh gives, and what one combination adds (a duplicate, a dangling reference) never sticks to the texts.
 */
class ReadAndCombineTest {
    private static final String POLICY = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-all
              namespace: demo
            spec:
              action: DENY
              rules:
              - from:
                - source:
                    namespaces: [nowhere]
            """;
    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: demo
            """;
    private static final String ROUTE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: r
              namespace: demo
            spec:
              hosts: [db.example.com]
              gateways: [istio-system/missing]
              tcp:
              - route: [{destination: {host: db.example.com}}]
            """;
    private static final Optional<SourceText> MESH = Optional.of(new SourceText("mesh.yaml", "rootNamespace: istio-system\n"));

    private final ResourceLoader loader = new ResourceLoader();

    @Test
    void combiningReadTextsEqualsLoadingThemWithTheSameDiagnosticsInTheSameOrder() {
        List<SourceText> texts = List.of(new SourceText("a.yaml", POLICY + "---\n" + ROUTE), new SourceText("b.yaml", POLICY),
                new SourceText("c.yaml", NAMESPACE + "---\nkind: [broken\n"), SourceText.startingAt("d.yaml", 7, "apiVersion: v1\nkind: ConfigMap\n"));
        LoadResult fresh = loader.loadTexts(texts, MESH);
        LoadResult combined = loader.combine(texts.stream().map(loader::read).toList(), MESH);

        assertThat(fresh.diagnostics()).as("the case exercises duplicates, references, syntax and skipped kinds").hasSizeGreaterThan(4);
        assertThat(combined).isEqualTo(fresh);
    }

    @Test
    void whatOneCombinationFoundDoesNotStickToTheTextsItCombined() {
        ReadText first = loader.read(new SourceText("a.yaml", POLICY + "---\n" + NAMESPACE));
        ReadText second = loader.read(new SourceText("b.yaml", POLICY));

        LoadResult both = loader.combine(List.of(first, second), MESH);
        LoadResult alone = loader.combine(List.of(first), MESH);

        assertThat(both.hasErrors()).as("b.yaml duplicates a.yaml's policy").isTrue();
        assertThat(alone).isEqualTo(loader.loadTexts(List.of(new SourceText("a.yaml", POLICY + "---\n" + NAMESPACE)), MESH));
        assertThat(alone.hasErrors()).isFalse();
        assertThat(loader.combine(List.of(first, second), MESH)).isEqualTo(both);
    }
}
