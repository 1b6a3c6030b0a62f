package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents cut from a file keep the line they start on; separators and comment-only documents are not documents. */
class DocumentSplitterTest {
    @Test
    void documentsKeepTheirStartingLines() {
        String file = """
                # a comment before the first document
                apiVersion: v1
                kind: Namespace
                ---
                # only a comment
                ---

                apiVersion: v1
                kind: Namespace
                --- {apiVersion: v1, kind: Namespace}
                ...
                """;

        assertThat(DocumentSplitter.split("f.yaml", file)).extracting(ConfigDocument::line, ConfigDocument::yaml)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "# a comment before the first document\napiVersion: v1\nkind: Namespace\n"),
                        org.assertj.core.groups.Tuple.tuple(8, "apiVersion: v1\nkind: Namespace\n"),
                        org.assertj.core.groups.Tuple.tuple(10, " {apiVersion: v1, kind: Namespace}\n"));
    }

    @Test
    void aMarkerMustStandAloneAtColumnZero() {
        assertThat(DocumentSplitter.split("f.yaml", "a: |\n  ---\nb: ---x\n")).hasSize(1);
    }
}
