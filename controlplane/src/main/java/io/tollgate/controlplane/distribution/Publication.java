package io.tollgate.controlplane.distribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One published version and everything derived from it for distribution, each computed once: document ids
 * (hashed only for documents the previous version did not have), the scoped set per {@link ScopeKey} (keys that
 * see the same documents share one set), and encoded push bodies per transition between sets.
 *
 * <p>The caches fill lazily from whichever thread asks first: the publishing thread, or a gRPC thread serving a
 * proxy that connects. Everything here is immutable or a concurrent map; it is dropped with the version.
 */
final class Publication<T> {
    private final ValidatedConfig<T> config;
    private final ProxyScope<T> scope;
    // Both written only in the constructor, read-only afterwards: safely published through the final fields.
    // By content: lets the next version reuse ids. By instance: what scoping looks up, cheaper than equals().
    private final Map<ConfigDocument, IndexedDocument> byContent;
    private final Map<ConfigDocument, IndexedDocument> byInstance;
    private final List<IndexedDocument> inOrder;
    private final ConcurrentMap<ScopeKey, Scoped> scoped = new ConcurrentHashMap<>();
    // The previous version's scopes (not the previous Publication: versions must not chain in memory).
    private final Map<ScopeKey, Scoped> inherited;
    private final ConcurrentMap<SetDigest, List<DocumentSet>> sets = new ConcurrentHashMap<>();
    private final ConcurrentMap<Transition, byte[]> bodies = new ConcurrentHashMap<>();

    /** @param previous the version this one replaces, whose document ids are reused; null for the first */
    Publication(ValidatedConfig<T> config, ProxyScope<T> scope, Publication<T> previous) {
        this.config = config;
        this.scope = scope;
        Map<ConfigDocument, IndexedDocument> known = previous == null ? Map.of() : previous.byContent;
        this.inherited = previous == null ? Map.of() : previous.scoped;
        int size = config.documents().size();
        Map<ConfigDocument, IndexedDocument> contents = HashMap.newHashMap(size);
        Map<ConfigDocument, IndexedDocument> instances = new IdentityHashMap<>(size);
        // The first version hashes and encodes every document: on all cores, as the control plane's cold start
        // waits for it. Later versions find nearly every document known, which a fork would only slow down.
        List<ConfigDocument> documents = config.documents();
        List<IndexedDocument> ordered = (previous == null ? documents.parallelStream() : documents.stream())
                .map(document -> {
                    IndexedDocument indexed = known.get(document);
                    return indexed != null ? indexed : IndexedDocument.of(document);
                }).toList();
        for (int i = 0; i < size; i++) {
            contents.put(documents.get(i), ordered.get(i));
            instances.put(documents.get(i), ordered.get(i));
        }
        this.byContent = contents;
        this.byInstance = instances;
        this.inOrder = ordered;
    }

    ValidatedConfig<T> config() {
        return config;
    }

    String version() {
        return config.version();
    }

    /** The documents a proxy with this key sees; computed on first request, then shared. */
    DocumentSet scopedFor(ScopeKey key) {
        return scoped.computeIfAbsent(key, this::scope).set();
    }

    /**
     * The encoded push that takes a proxy from {@code from} (null: nothing, so a FULL push) to {@code to}; proxies
     * making the same transition share the bytes.
     */
    byte[] body(DocumentSet from, DocumentSet to) {
        return bodies.computeIfAbsent(new Transition(from, to), t -> PushEncoding.body(version(), t.from(), t.to()));
    }

    private Scoped scope(ScopeKey key) {
        List<ConfigDocument> visible = scope.documents(key, config);
        Scoped before = inherited.get(key);
        if (before != null && before.visible() == visible) {
            // The scope said "unchanged" by handing back its very list: its documents are this version's too (the
            // same instances, so the same indexed documents), and so is the set made of them.
            List<DocumentSet> candidates = sets.computeIfAbsent(before.set().digest(), d -> new CopyOnWriteArrayList<>());
            if (!candidates.contains(before.set())) {
                candidates.add(before.set());
            }
            return before;
        }
        return new Scoped(visible, indexed(visible));
    }

    private DocumentSet indexed(List<ConfigDocument> visible) {
        List<IndexedDocument> indexed = new ArrayList<>(visible.size());
        SetDigest digest = SetDigest.EMPTY;
        List<ConfigDocument> all = config.documents();
        int cursor = 0; // scopes normally keep the config's order: then a forward walk comparing references finds
        for (ConfigDocument document : visible) { // every document, with no hashing at all
            int probe = cursor;
            while (probe < all.size() && all.get(probe) != document) {
                probe++;
            }
            IndexedDocument known;
            if (probe < all.size()) {
                known = inOrder.get(probe);
                cursor = probe + 1;
            } else {
                cursor = all.size(); // out of order: the walk was spent once, use the map from now on
                known = byInstance.get(document);
            }
            // A scope that returns documents not in the config breaks its contract; hash them anyway.
            indexed.add(known != null ? known : IndexedDocument.of(document));
            digest = digest.plus(indexed.getLast().id());
        }
        // Another key that sees the same documents in the same order shares its set (and so its deltas and
        // encodings). The digest finds the candidate; an identity walk confirms it, so a collision cannot mix sets.
        List<DocumentSet> candidates = sets.computeIfAbsent(digest, d -> new CopyOnWriteArrayList<>());
        for (DocumentSet candidate : candidates) {
            if (candidate.sameAs(indexed)) {
                return candidate;
            }
        }
        DocumentSet created = DocumentSet.of(indexed);
        candidates.add(created);
        return created;
    }

    /** A key's scope: the list the scope returned, and the set made of it. */
    private record Scoped(List<ConfigDocument> visible, DocumentSet set) {
    }

    /** Cache key: DocumentSet compares by identity, which is what a transition between two sets means. */
    private record Transition(DocumentSet from, DocumentSet to) {
    }
}
