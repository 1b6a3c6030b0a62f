package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ReadText;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proxy's reading of the snapshots it receives: every document re-loaded with the control plane's own loader, at
 * its original {@code file:line}, so the proxy judges a document exactly as the control plane did and every
 * diagnostic names the user's file.
 *
 * <p>A push usually changes a few documents of thousands, so each document's reading is kept from the previous
 * snapshot and only new or changed documents are parsed again; the checks over the whole set run every time
 * ({@link ResourceLoader#combine}), so the result equals loading everything afresh. An unchanged document also
 * yields the very same resource instances as before, which lets a proxy keep what it compiled from them
 * ({@link PolicyRecompiler}).
 *
 * <p>Used by one proxy's configuration thread, one snapshot at a time; the kept readings are confined to it (the
 * pool's workers only read them, during a call). {@link ResourceLoader#read} is stateless.
 */
public final class SnapshotReader {
    /** Below this many documents a push is read on the calling thread: forking costs more than it saves. */
    private static final int PARALLEL_FROM = 64;

    /** Where new documents are parsed. */
    public enum Parsing {
        /** On all cores (the common pool): a proxy's first snapshot may hold thousands of documents. */
        ON_ALL_CORES,
        /** On the calling thread only: for a process hosting many proxies, which must charge each its own CPU. */
        ON_CALLING_THREAD
    }

    private final ResourceLoader loader = new ResourceLoader();
    private final Parsing parsing;
    private Map<ConfigDocument, ReadText> previous = Map.of();

    public SnapshotReader(Parsing parsing) {
        this.parsing = parsing;
    }

    /** Loads {@code snapshot}; none of it may be applied when the result {@linkplain LoadResult#hasErrors errs}. */
    public LoadResult read(Snapshot snapshot) {
        Optional<SourceText> mesh = Optional.empty();
        List<ConfigDocument> resources = new ArrayList<>(snapshot.documents().size());
        for (ConfigDocument document : snapshot.documents()) {
            if (document.source().equals(ControlPlane.MESH_CONFIG_SOURCE)) {
                mesh = Optional.of(SourceText.startingAt(document.source(), document.line(), document.yaml()));
            } else {
                resources.add(document);
            }
        }
        // Each reading depends on its document alone, and the list keeps the snapshot's order, on any thread.
        Map<ConfigDocument, ReadText> kept = previous;
        boolean fork = parsing == Parsing.ON_ALL_CORES && resources.size() > PARALLEL_FROM;
        List<ReadText> texts = (fork ? resources.parallelStream() : resources.stream())
                .map(document -> {
                    ReadText text = kept.get(document);
                    return text != null ? text
                            : loader.read(SourceText.startingAt(document.source(), document.line(), document.yaml()));
                }).toList();
        Map<ConfigDocument, ReadText> read = HashMap.newHashMap(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            read.put(resources.get(i), texts.get(i));
        }
        // Kept even when the set is refused: its documents' readings are right whatever the verdict on the whole.
        previous = read;
        return loader.combine(texts, mesh);
    }
}
