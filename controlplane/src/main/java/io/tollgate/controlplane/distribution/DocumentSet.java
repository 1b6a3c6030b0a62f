package io.tollgate.controlplane.distribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents one scope sees under one version, with their {@link SetDigest}. Immutable and shared by every
 * stream whose proxy sees exactly these documents; identity matters (the encoding cache keys on it), so it does
 * not override {@code equals}.
 *
 * <p>The id index needed to compute deltas is built on first use: most sets are only compared by digest.
 */
final class DocumentSet {
    private final List<IndexedDocument> documents;
    private final SetDigest digest;
    // Built lazily by whichever thread first computes a delta; the map is immutable once published.
    private volatile Map<DocumentId, IndexedDocument> byId;

    private DocumentSet(List<IndexedDocument> documents, SetDigest digest) {
        this.documents = documents;
        this.digest = digest;
    }

    /** Builds a set from indexed documents; a document listed twice counts once. */
    static DocumentSet of(List<IndexedDocument> documents) {
        Map<DocumentId, IndexedDocument> unique = HashMap.newHashMap(documents.size());
        List<IndexedDocument> kept = new ArrayList<>(documents.size());
        SetDigest digest = SetDigest.EMPTY;
        for (IndexedDocument document : documents) {
            if (unique.putIfAbsent(document.id(), document) == null) {
                kept.add(document);
                digest = digest.plus(document.id());
            }
        }
        DocumentSet set = new DocumentSet(List.copyOf(kept), digest);
        set.byId = unique;
        return set;
    }

    /** The documents, in the order the scope gave them. */
    List<IndexedDocument> indexed() {
        return documents;
    }

    SetDigest digest() {
        return digest;
    }

    int size() {
        return documents.size();
    }

    /** True if {@code other} holds the same documents in the same order: a cheap identity walk, no hashing. */
    boolean sameAs(List<IndexedDocument> other) {
        if (other.size() != documents.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            if (other.get(i) != documents.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Documents in this set and not in {@code previous}. */
    List<IndexedDocument> addedSince(DocumentSet previous) {
        Map<DocumentId, IndexedDocument> before = previous.index();
        List<IndexedDocument> added = new ArrayList<>();
        for (IndexedDocument document : documents) {
            if (!before.containsKey(document.id())) {
                added.add(document);
            }
        }
        return added;
    }

    /** Documents in {@code previous} and not in this set. */
    List<IndexedDocument> removedSince(DocumentSet previous) {
        Map<DocumentId, IndexedDocument> now = index();
        List<IndexedDocument> removed = new ArrayList<>();
        for (IndexedDocument document : previous.documents) {
            if (!now.containsKey(document.id())) {
                removed.add(document);
            }
        }
        return removed;
    }

    private Map<DocumentId, IndexedDocument> index() {
        Map<DocumentId, IndexedDocument> index = byId;
        if (index == null) {
            Map<DocumentId, IndexedDocument> built = HashMap.newHashMap(documents.size());
            documents.forEach(d -> built.put(d.id(), d));
            byId = index = built;
        }
        return index;
    }
}
