package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which composer composes a text, told apart by end marks (snakeyaml keeps them, the subset composer does not): a
 * text in the subset is the subset's; any other text is snakeyaml's as a whole, with snakeyaml's errors.
 */
class YamlDocumentsTest {
    @Test
    void aTextInTheSubsetIsComposedByTheSubsetComposer() {
        List<Node> documents = new ArrayList<>();
        assertThat(YamlDocuments.each(new SourceText("a.yaml", "a: 1\n---\nb: [x]\n"), documents::add)).isEmpty();
        assertThat(documents).hasSize(2).allSatisfy(d -> assertThat(d.getEndMark()).isEmpty());
    }

    @Test
    void aTextOutsideTheSubsetIsComposedWholeBySnakeyaml() {
        List<Node> documents = new ArrayList<>();
        // The first document is in the subset, the second has an anchor: both come from snakeyaml.
        assertThat(YamlDocuments.each(new SourceText("a.yaml", "a: 1\n---\nb: &x 2\nc: *x\n"), documents::add)).isEmpty();
        assertThat(documents).hasSize(2).allSatisfy(d -> assertThat(d.getEndMark()).isPresent());
        assertThat(((MappingNode) documents.get(1)).getValue().get(0).getValueNode().getAnchor()).isPresent();
    }

    @Test
    void aSyntaxErrorIsReportedBySnakeyamlAtItsLine() {
        List<Node> documents = new ArrayList<>();
        List<Diagnostic> errors = YamlDocuments.each(new SourceText("bad.yaml", "a: 1\n---\nb: c: d\n"), documents::add);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.location().line()).isEqualTo(3);
            assertThat(e.message()).startsWith("invalid YAML: ").contains("mapping values are not allowed");
        });
        assertThat(documents).allSatisfy(d -> assertThat(d.getEndMark()).isPresent());
    }
}
