package io.tollgate.controlplane.distribution;

import io.tollgate.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicationTest {
    static final ScopeKey DEMO = new ScopeKey(ProxyKind.SIDECAR, "demo", "app", Map.of());
    static final ScopeKey OTHER = new ScopeKey(ProxyKind.SIDECAR, "other", "app", Map.of("tier", "db"));
    static final ScopeKey GATEWAY = new ScopeKey(ProxyKind.GATEWAY, "istio-system", "egress", Map.of());

    @Test
    void keysThatSeeTheSameDocumentsShareOneSetAndSoOneEncoding() {
        var publication = new Publication<>(config("v1", documents(5)), (key, config) -> config.documents(), null);
        DocumentSet demo = publication.scopedFor(DEMO);
        assertThat(publication.scopedFor(OTHER)).isSameAs(demo);
        assertThat(publication.body(null, publication.scopedFor(OTHER))).isSameAs(publication.body(null, demo));
    }

    @Test
    void aScopeThatReordersDocumentsStillGetsTheRightSet() {
        ProxyScope<String> scope = (key, config) -> key.kind() == ProxyKind.GATEWAY
                ? config.documents().reversed() : config.documents();
        var publication = new Publication<>(config("v1", documents(5)), scope, null);
        assertThat(publication.scopedFor(GATEWAY).digest()).isEqualTo(publication.scopedFor(DEMO).digest());
        assertThat(publication.scopedFor(GATEWAY).size()).isEqualTo(5);
    }

    @Test
    void aScopeInAnyOrderGetsTheConfigsOwnIndexedDocuments() {
        SeededProperty.check(30, List.of(), random -> random.nextLong(), seed -> {
            List<ConfigDocument> documents = documents(200);
            List<ConfigDocument> shuffled = new ArrayList<>(documents);
            SplittableRandom random = new SplittableRandom(seed);
            for (int swaps = random.nextInt(0, 40); swaps > 0; swaps--) { // a few out of place, or many
                java.util.Collections.swap(shuffled, random.nextInt(200), random.nextInt(200));
            }
            ProxyScope<String> scope = (key, config) -> key.kind() == ProxyKind.GATEWAY ? shuffled : config.documents();
            var publication = new Publication<>(config("v1", documents), scope, null);
            List<IndexedDocument> inOrder = publication.scopedFor(DEMO).indexed();
            List<IndexedDocument> reordered = publication.scopedFor(GATEWAY).indexed();
            for (int i = 0; i < shuffled.size(); i++) {
                assertThat(reordered.get(i)).isSameAs(inOrder.get(documents.indexOf(shuffled.get(i))));
            }
        });
    }

    @Test
    void theNextVersionSendsOnlyWhatChangedEvenWhenEveryDocumentWasReadAgain() throws Exception {
        List<ConfigDocument> first = documents(100);
        List<ConfigDocument> second = new ArrayList<>();
        for (ConfigDocument document : first) { // new instances with equal content, as a re-read of the files gives
            second.add(new ConfigDocument(new String(document.source()), document.line(), new String(document.yaml())));
        }
        second.set(42, new ConfigDocument(first.get(42).source(), first.get(42).line(), "kind: Changed\n"));
        ProxyScope<String> everything = (key, config) -> config.documents();
        var v1 = new Publication<>(config("v1", first), everything, null);
        var v2 = new Publication<>(config("v2", second), everything, v1);

        Push push = PushEncodingTest.decode(new EncodedPush(PushEncoding.head("2"),
                v2.body(v1.scopedFor(DEMO), v2.scopedFor(DEMO))));
        assertThat(push.kind()).isEqualTo(PushKind.DELTA);
        assertThat(push.documents()).extracting(d -> d.document().yaml()).containsExactly("kind: Changed\n");
        assertThat(push.removed()).extracting(RemovedDocument::line).containsExactly(first.get(42).line());
    }

    @Test
    void aVersionThatFollowsIndexesItsDocumentsAsAFirstVersionWouldWhateverMovedInBetween() {
        ProxyScope<String> everything = (key, config) -> config.documents();
        SeededProperty.check(50, List.of(), random -> random.nextLong(), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<ConfigDocument> first = documents(300);
            List<ConfigDocument> next = new ArrayList<>(first);
            for (int edit = random.nextInt(1, 200); edit > 0; edit--) {
                int at = random.nextInt(next.size());
                switch (random.nextInt(4)) {
                    case 0 -> next.remove(at);
                    case 1 -> next.add(at, new ConfigDocument("new.yaml", 1 + edit, "kind: ServiceEntry\nname: n" + edit + "\n"));
                    case 2 -> next.add(next.remove(at)); // moved far
                    default -> next.set(at, new ConfigDocument(next.get(at).source(), next.get(at).line(),
                            new String(next.get(at).yaml()))); // read again: equal content, another instance
                }
            }
            var v1 = new Publication<>(config("v1", first), everything, null);
            var v2 = new Publication<>(config("v2", next), everything, v1);
            var fresh = new Publication<>(config("v2", next), everything, null);

            DocumentSet followed = v2.scopedFor(DEMO);
            assertThat(followed.digest()).isEqualTo(fresh.scopedFor(DEMO).digest());
            assertThat(followed.indexed()).extracting(IndexedDocument::id)
                    .containsExactlyElementsOf(fresh.scopedFor(DEMO).indexed().stream().map(IndexedDocument::id).toList());
            assertThat(followed.indexed()).extracting(IndexedDocument::document)
                    .containsExactlyElementsOf(fresh.scopedFor(DEMO).indexed().stream().map(IndexedDocument::document).toList());
        });
    }

    @Test
    void anEditReusesTheIndexOfEveryDocumentItLeftAlone() {
        ProxyScope<String> everything = (key, config) -> config.documents();
        List<ConfigDocument> first = documents(300);
        List<ConfigDocument> next = new ArrayList<>(first);
        next.set(150, new ConfigDocument(first.get(150).source(), first.get(150).line(), "kind: Changed\n"));
        next.remove(40);
        next.add(200, new ConfigDocument("new.yaml", 1, "kind: New\n"));
        var v1 = new Publication<>(config("v1", first), everything, null);
        var v2 = new Publication<>(config("v2", next), everything, v1);

        List<IndexedDocument> before = v1.scopedFor(DEMO).indexed();
        List<IndexedDocument> after = v2.scopedFor(DEMO).indexed();
        for (int i = 0; i < next.size(); i++) {
            int was = first.indexOf(next.get(i));
            if (was >= 0 && first.get(was) == next.get(i)) {
                assertThat(after.get(i)).as(next.get(i).location()).isSameAs(before.get(was));
            }
        }
    }

    @Test
    void aScopeThatFailsFailsLoudly() {
        ProxyScope<String> failing = (key, config) -> {
            throw new IllegalStateException("no such gateway");
        };
        var publication = new Publication<>(config("v1", documents(1)), failing, null);
        assertThatThrownBy(() -> publication.scopedFor(DEMO)).hasMessage("no such gateway");
    }

    static ValidatedConfig<String> config(String version, List<ConfigDocument> documents) {
        return new ValidatedConfig<>(version, documents, "parsed");
    }

    static List<ConfigDocument> documents(int count) {
        List<ConfigDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new ConfigDocument("resources/r" + (i / 10) + ".yaml", 1 + (i % 10) * 9, "kind: ServiceEntry\nname: s" + i + "\n"));
        }
        return documents;
    }
}
