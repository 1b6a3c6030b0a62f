package io.tollgate.controlplane.distribution;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** How far ahead of its place the walk looks for a document of the previous version before giving up on it. */
    private static final int LOOK_AHEAD = 64;
    /** How many documents out of the config's order a scope may have before they are looked up in a map. */
    private static final int OUT_OF_PLACE_SCANS = 8;

    private final ValidatedConfig<T> config;
    private final ProxyScope<T> scope;
    // The config's documents, indexed, in the config's order. Written in the constructor only.
    private final List<IndexedDocument> inOrder;
    // By content (what the next version falls back on to reuse ids) and by instance (what scoping falls back on for
    // documents out of order): built on first use, by whichever thread needs one first (two threads racing build
    // equal maps; the field is volatile so a built map is seen whole). An edit never needs them: see the constructor.
    private volatile Map<ConfigDocument, IndexedDocument> byContent;
    private volatile Map<ConfigDocument, IndexedDocument> byInstance;
    private final ConcurrentMap<ScopeKey, Scoped> scoped = new ConcurrentHashMap<>();
    // The previous version's scopes (not the previous Publication: versions must not chain in memory).
    private final Map<ScopeKey, Scoped> inherited;
    private final ConcurrentMap<SetDigest, List<DocumentSet>> sets = new ConcurrentHashMap<>();
    private final ConcurrentMap<Transition, byte[]> bodies = new ConcurrentHashMap<>();

    /** @param previous the version this one replaces, whose document ids are reused; null for the first */
    Publication(ValidatedConfig<T> config, ProxyScope<T> scope, Publication<T> previous) {
        this.config = config;
        this.scope = scope;
        this.inherited = previous == null ? Map.of() : previous.scoped;
        List<ConfigDocument> documents = config.documents();
        if (previous == null) {
            // The first version hashes and encodes every document: on all cores, as the control plane's cold start
            // waits for it.
            this.inOrder = documents.parallelStream().map(IndexedDocument::of).toList();
        } else {
            this.inOrder = List.copyOf(following(documents, previous));
        }
    }

    /**
     * The documents indexed, reusing the previous version's: a walk over both lists in step, comparing references,
     * as a validator that keeps unchanged documents hands back the very same instances in the same order (an edit
     * of one document is one miss in 20,000). A document not found near its place is looked up by content; only
     * after many such misses is the previous version's content map built, instead of hashing more documents anew.
     */
    private static List<IndexedDocument> following(List<ConfigDocument> documents, Publication<?> previous) {
        // Arrays, not lists: this walk runs on every edit, usually before the JIT has compiled it.
        ConfigDocument[] before = previous.config.documents().toArray(new ConfigDocument[0]);
        IndexedDocument[] known = previous.inOrder.toArray(new IndexedDocument[0]);
        ConfigDocument[] now = documents.toArray(new ConfigDocument[0]);
        IndexedDocument[] indexed = new IndexedDocument[now.length];
        int cursor = 0;
        int misses = 0;
        for (int i = 0; i < now.length; i++) {
            if (cursor < before.length && before[cursor] == now[i]) {
                indexed[i] = known[cursor++];
                continue;
            }
            int found = -1;
            for (int probe = cursor + 1; probe < Math.min(before.length, cursor + LOOK_AHEAD); probe++) {
                if (before[probe] == now[i]) {
                    found = probe;
                    break;
                }
            }
            if (found >= 0) {
                indexed[i] = known[found];
                cursor = found + 1;
                continue;
            }
            IndexedDocument same = ++misses > LOOK_AHEAD ? previous.byContent().get(now[i]) : null;
            indexed[i] = same != null ? same : IndexedDocument.of(now[i]);
        }
        return Arrays.asList(indexed);
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
        // Scopes normally keep the config's order: then a forward walk comparing references finds every document,
        // with no hashing at all. A scope kept from the last version has the new documents at its end: each is found
        // by one more pass over the references, and only a scope with many out of place uses the instance map.
        ConfigDocument[] all = config.documents().toArray(new ConfigDocument[0]);
        int cursor = 0;
        int outOfPlace = 0;
        for (ConfigDocument document : visible) {
            IndexedDocument known = null;
            if (outOfPlace <= OUT_OF_PLACE_SCANS) {
                int probe = cursor;
                while (probe < all.length && all[probe] != document) {
                    probe++;
                }
                if (probe < all.length) {
                    known = inOrder.get(probe);
                    cursor = probe + 1;
                } else if (++outOfPlace <= OUT_OF_PLACE_SCANS) {
                    for (int i = 0; i < cursor && known == null; i++) {
                        known = all[i] == document ? inOrder.get(i) : null;
                    }
                }
            }
            if (known == null && outOfPlace > OUT_OF_PLACE_SCANS) {
                known = byInstance().get(document);
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

    private Map<ConfigDocument, IndexedDocument> byContent() {
        Map<ConfigDocument, IndexedDocument> map = byContent;
        if (map == null) {
            map = HashMap.newHashMap(inOrder.size());
            for (IndexedDocument document : inOrder) {
                map.put(document.document(), document);
            }
            byContent = map;
        }
        return map;
    }

    private Map<ConfigDocument, IndexedDocument> byInstance() {
        Map<ConfigDocument, IndexedDocument> map = byInstance;
        if (map == null) {
            List<ConfigDocument> documents = config.documents();
            map = new IdentityHashMap<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                map.put(documents.get(i), inOrder.get(i));
            }
            byInstance = map;
        }
        return map;
    }

    /** A key's scope: the list the scope returned, and the set made of it. */
    private record Scoped(List<ConfigDocument> visible, DocumentSet set) {
    }

    /** Cache key: DocumentSet compares by identity, which is what a transition between two sets means. */
    private record Transition(DocumentSet from, DocumentSet to) {
    }
}
