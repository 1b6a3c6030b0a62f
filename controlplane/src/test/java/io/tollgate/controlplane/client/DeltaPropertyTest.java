package io.tollgate.controlplane.client;

import io.tollgate.testkit.SeededProperty;
import io.tollgate.controlplane.distribution.Push;
import io.tollgate.controlplane.distribution.PushKind;
import io.tollgate.controlplane.distribution.PushedDocument;
import io.tollgate.controlplane.distribution.RemovedDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the two sets, applying the delta between them gives exactly what a full push of the second gives. */
class DeltaPropertyTest {
    // Documents that share a source and line but differ in text, as an edited document does.
    private static final List<PushedDocument> POOL = pool();

    private static final int MAX_SET = 24;

    /** Indexes into the pool, wrapped: any int picks a document, so the sets may be drawn from all ints. */
    private record Sets(Set<Integer> before, Set<Integer> after) {
    }

    @Test
    void aDeltaLandsOnTheSameSnapshotAsAFullPush() {
        SeededProperty.check(300, edges(), r -> new Sets(indexes(r), indexes(r)), sets -> {
            List<PushedDocument> from = pick(sets.before());
            List<PushedDocument> to = pick(sets.after());
            HeldDocuments held = HeldDocuments.NONE.apply(HeldDocumentsTest.full("v1", from.toArray(PushedDocument[]::new)));

            List<PushedDocument> added = to.stream().filter(d -> !from.contains(d)).toList();
            List<RemovedDocument> removed = from.stream().filter(d -> !to.contains(d)).map(HeldDocumentsTest::removed).toList();
            String digest = HeldDocumentsTest.digest(to.toArray(PushedDocument[]::new));
            HeldDocuments viaDelta = held.apply(new Push("v2", "2", PushKind.DELTA, added, removed, digest));

            HeldDocuments viaFull = HeldDocuments.NONE.apply(HeldDocumentsTest.full("v2", to.toArray(PushedDocument[]::new)));
            assertThat(viaDelta.snapshot()).isEqualTo(viaFull.snapshot());
        });
    }

    private static Set<Integer> indexes(SplittableRandom random) {
        Set<Integer> indexes = new LinkedHashSet<>();
        int size = random.nextInt(MAX_SET + 1);
        while (indexes.size() < size) {
            indexes.add(random.nextInt());
        }
        return indexes;
    }

    /**
     * Empty to empty, nothing to everything and back, everything to itself, every original to its edited twin (the
     * pool alternates original and edited) and back, and the int extremes, which wrap to the pool's ends.
     */
    private static List<Sets> edges() {
        Set<Integer> all = range(0, POOL.size(), 1);
        Set<Integer> originals = range(0, POOL.size(), 2);
        Set<Integer> edited = range(1, POOL.size(), 2);
        Set<Integer> extremes = Set.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0);
        return List.of(new Sets(Set.of(), Set.of()), new Sets(Set.of(), all), new Sets(all, Set.of()), new Sets(all, all),
                new Sets(originals, edited), new Sets(edited, originals), new Sets(extremes, Set.of()),
                new Sets(Set.of(), extremes), new Sets(extremes, all));
    }

    private static Set<Integer> range(int from, int to, int step) {
        Set<Integer> indexes = new LinkedHashSet<>();
        IntStream.iterate(from, i -> i < to, i -> i + step).forEach(indexes::add);
        return indexes;
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
