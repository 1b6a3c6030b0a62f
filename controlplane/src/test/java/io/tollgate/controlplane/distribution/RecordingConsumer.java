package io.tollgate.controlplane.distribution;

import io.tollgate.controlplane.client.SnapshotConsumer;
import io.tollgate.controlplane.client.Verdict;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for a proxy's compiler: accepts every snapshot except one holding a document with
 * {@value #POISON}, which it refuses naming the document's place, as a real proxy would.
 */
public final class RecordingConsumer implements SnapshotConsumer {
    public static final String POISON = "cannot-compile";
    private final List<Snapshot> offered = new CopyOnWriteArrayList<>();

    @Override
    public Verdict apply(Snapshot snapshot) {
        offered.add(snapshot);
        return snapshot.documents().stream()
                .filter(d -> d.yaml().contains(POISON))
                .findFirst()
                .map(d -> Verdict.reject(d.location() + ": proxy cannot compile '" + POISON + "'"))
                .orElse(Verdict.accept());
    }

    /** Every snapshot offered so far, accepted or not. */
    public List<Snapshot> offered() {
        return List.copyOf(offered);
    }
}
