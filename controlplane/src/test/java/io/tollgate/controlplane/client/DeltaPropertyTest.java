package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.Push;
import io.tollgate.controlplane.distribution.PushKind;
import io.tollgate.controlplane.distribution.PushedDocument;
import io.tollgate.controlplane.distribution.RemovedDocument;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the two sets, applying the delta between them gives exactly what a full push of the second gives. */
class DeltaPropertyTest {
    // Documents that share a source and line but differ in text, as an edited document does.
    private static final List<PushedDocument> POOL = pool();

    @Property(tries = 300)
    void aDeltaLandsOnTheSameSnapshotAsAFullPush(@ForAll @Size(max = 24) Set<Integer> before,
                                                 @ForAll @Size(max = 24) Set<Integer> after) {
        List<PushedDocument> from = pick(before);
        List<PushedDocument> to = pick(after);
        HeldDocuments held = HeldDocuments.NONE.apply(HeldDocumentsTest.full("v1", from.toArray(PushedDocument[]::new)));

        List<PushedDocument> added = to.stream().filter(d -> !from.contains(d)).toList();
        List<RemovedDocument> removed = from.stream().filter(d -> !to.contains(d)).map(HeldDocumentsTest::removed).toList();
        String digest = HeldDocumentsTest.digest(to.toArray(PushedDocument[]::new));
        HeldDocuments viaDelta = held.apply(new Push("v2", "2", PushKind.DELTA, added, removed, digest));

        HeldDocuments viaFull = HeldDocuments.NONE.apply(HeldDocumentsTest.full("v2", to.toArray(PushedDocument[]::new)));
        assertThat(viaDelta.snapshot()).isEqualTo(viaFull.snapshot());
    }

    private static List<PushedDocument> pick(Set<Integer> indexes) {
        return indexes.stream().map(i -> POOL.get(Math.floorMod(i, POOL.size()))).distinct().toList();
    }

    private static List<PushedDocument> pool() {
        List<PushedDocument> pool = new ArrayList<>();
        for (String source : List.of("a.yaml", "b.yaml", "c/d.yaml")) {
            for (int line : List.of(1, 2, 10, 11)) {
                pool.add(HeldDocumentsTest.doc(source, line));
                pool.add(HeldDocumentsTest.doc(source, line, "edited"));
            }
        }
        return pool;
    }
}
