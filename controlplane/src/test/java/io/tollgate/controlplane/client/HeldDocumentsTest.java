package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.DocumentId;
import io.tollgate.controlplane.distribution.Push;
import io.tollgate.controlplane.distribution.PushKind;
import io.tollgate.controlplane.distribution.PushedDocument;
import io.tollgate.controlplane.distribution.RemovedDocument;
import io.tollgate.controlplane.distribution.SetDigest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeldDocumentsTest {
    static final PushedDocument A = doc("a.yaml", 1);
    static final PushedDocument B1 = doc("b.yaml", 1);
    static final PushedDocument B10 = doc("b.yaml", 10);
    static final PushedDocument C = doc("c.yaml", 3);

    @Test
    void aFullPushIsHeldInCanonicalOrder() {
        HeldDocuments held = HeldDocuments.NONE.apply(full("v1", C, B10, A, B1));
        assertThat(held.snapshot().documents()).extracting(ConfigDocument::location)
                .containsExactly("a.yaml:1", "b.yaml:1", "b.yaml:10", "c.yaml:3");
        assertThat(held.snapshot().version()).isEqualTo("v1");
    }

    @Test
    void aDeltaGivesTheSameResultAsTheFullPushOfTheSameSet() {
        HeldDocuments before = HeldDocuments.NONE.apply(full("v1", A, B10, C));
        HeldDocuments after = before.apply(new Push("v2", "2", PushKind.DELTA, List.of(B1), List.of(removed(C)),
                digest(A, B1, B10)));
        HeldDocuments direct = HeldDocuments.NONE.apply(full("v2", B10, A, B1));
        assertThat(after.snapshot()).isEqualTo(direct.snapshot());
        assertThat(after.digest()).isEqualTo(direct.digest());
        assertThat(before.snapshot().documents()).as("the previous value is untouched").hasSize(3);
    }

    @Test
    void aDeltaThatDoesNotFitWhatIsHeldIsRefused() {
        HeldDocuments held = HeldDocuments.NONE.apply(full("v1", A, B1));
        assertThatThrownBy(() -> held.apply(new Push("v2", "2", PushKind.DELTA, List.of(), List.of(removed(C)), digest(A, B1))))
                .hasMessageContaining("removes document " + C.id() + " (c.yaml:3) that this proxy does not hold");
        assertThatThrownBy(() -> held.apply(new Push("v2", "2", PushKind.DELTA, List.of(A), List.of(), digest(A, B1))))
                .hasMessageContaining("adds document " + A.id() + " it already holds");
        assertThatThrownBy(() -> held.apply(new Push("v2", "2", PushKind.DELTA, List.of(C), List.of(), digest(A, B1))))
                .hasMessageContaining("yields digest " + digest(A, B1, C) + " but the server expects " + digest(A, B1));
        assertThatThrownBy(() -> held.apply(new Push("v2", "2", PushKind.FULL, List.of(A, A), List.of(), digest(A))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> held.apply(new Push("v2", "2", PushKind.FULL, List.of(new PushedDocument("xyz",
                A.document())), List.of(), digest(A))))
                .hasMessageContaining("not 32 hex digits");
    }

    static RemovedDocument removed(PushedDocument document) {
        return new RemovedDocument(document.id(), document.document().source(), document.document().line());
    }

    static Push full(String version, PushedDocument... documents) {
        return new Push(version, "1", PushKind.FULL, List.of(documents), List.of(), digest(documents));
    }

    static String digest(PushedDocument... documents) {
        SetDigest digest = SetDigest.EMPTY;
        for (PushedDocument document : documents) {
            digest = digest.plus(DocumentId.parse(document.id()));
        }
        return digest.hex();
    }

    static PushedDocument doc(String source, int line) {
        return doc(source, line, "original");
    }

    static PushedDocument doc(String source, int line, String variant) {
        ConfigDocument document = new ConfigDocument(source, line, "kind: ServiceEntry # " + source + line + variant + "\n");
        return new PushedDocument(DocumentId.of(document).hex(), document);
    }
}
