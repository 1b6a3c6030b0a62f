package io.tollgate.controlplane.distribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents one scope sees under one version, keyed by id, with their {@link SetDigest}. Immutable and shared
 * by every stream whose proxy has that scope; identity matters (the encoding caches key on it), so it does not
 * override {@code equals}.
 */
final class DocumentSet {
    private final Map<String, PushedDocument> byId;
    private final SetDigest digest;

    private DocumentSet(Map<String, PushedDocument> byId, SetDigest digest) {
        this.byId = Collections.unmodifiableMap(byId);
        this.digest = digest;
    }

    /** Builds a set from indexed documents; a document listed twice counts once. */
    static DocumentSet of(List<IndexedDocument> documents) {
        Map<String, PushedDocument> byId = LinkedHashMap.newLinkedHashMap(documents.size());
        SetDigest digest = SetDigest.EMPTY;
        for (IndexedDocument document : documents) {
            if (byId.putIfAbsent(document.pushed().id(), document.pushed()) == null) {
                digest = digest.plus(document.id());
            }
        }
        return new DocumentSet(byId, digest);
    }

    Collection<PushedDocument> documents() {
        return byId.values();
    }

    SetDigest digest() {
        return digest;
    }

    int size() {
        return byId.size();
    }

    /** Documents in this set and not in {@code previous}. */
    List<PushedDocument> addedSince(DocumentSet previous) {
        List<PushedDocument> added = new ArrayList<>();
        for (PushedDocument document : byId.values()) {
            if (!previous.byId.containsKey(document.id())) {
                added.add(document);
            }
        }
        return added;
    }

    /** Ids in {@code previous} and not in this set. */
    List<String> removedSince(DocumentSet previous) {
        List<String> removed = new ArrayList<>();
        for (String id : previous.byId.keySet()) {
            if (!byId.containsKey(id)) {
                removed.add(id);
            }
        }
        return removed;
    }

    /** A document of a published version with its id computed once. */
    record IndexedDocument(DocumentId id, PushedDocument pushed) {
        static IndexedDocument of(ConfigDocument document) {
            DocumentId id = DocumentId.of(document);
            return new IndexedDocument(id, new PushedDocument(id.hex(), document));
        }
    }
}
