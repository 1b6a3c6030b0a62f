package io.tollgate.controlplane.distribution;

import io.tollgate.controlplane.distribution.DocumentSet.IndexedDocument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One published version and everything derived from it for distribution: document ids (hashed once), the scoped
 * set per {@link ScopeKey} (scoped once), and encoded push bodies per transition (encoded once). The caches fill
 * lazily from whichever thread asks first: the publishing thread, or a gRPC thread serving a proxy that connects.
 * Everything here is immutable or a concurrent map; it is dropped with the version.
 */
final class Publication<T> {
    private final ValidatedConfig<T> config;
    private final ProxyScope<T> scope;
    // Written only in the constructor, read-only afterwards: safely published through the final field.
    private final Map<ConfigDocument, IndexedDocument> index;
    private final ConcurrentMap<ScopeKey, DocumentSet> scoped = new ConcurrentHashMap<>();
    private final ConcurrentMap<Transition, byte[]> bodies = new ConcurrentHashMap<>();

    Publication(ValidatedConfig<T> config, ProxyScope<T> scope) {
        this.config = config;
        this.scope = scope;
        Map<ConfigDocument, IndexedDocument> byInstance = new IdentityHashMap<>(config.documents().size() * 2);
        for (ConfigDocument document : config.documents()) {
            byInstance.put(document, IndexedDocument.of(document));
        }
        this.index = byInstance;
    }

    ValidatedConfig<T> config() {
        return config;
    }

    String version() {
        return config.version();
    }

    /** The documents a proxy with this key sees; computed on first request, then shared. */
    DocumentSet scopedFor(ScopeKey key) {
        return scoped.computeIfAbsent(key, this::scope);
    }

    /**
     * The encoded push that takes a proxy from {@code from} (null: nothing, so a FULL push) to {@code to}; proxies
     * making the same transition share the bytes.
     */
    byte[] body(DocumentSet from, DocumentSet to) {
        return bodies.computeIfAbsent(new Transition(from, to), t -> PushEncoding.body(version(), t.from(), t.to()));
    }

    private DocumentSet scope(ScopeKey key) {
        List<ConfigDocument> visible = scope.documents(key, config);
        List<IndexedDocument> indexed = new ArrayList<>(visible.size());
        for (ConfigDocument document : visible) {
            IndexedDocument known = index.get(document);
            // A scope that returns copies breaks its contract only in speed: hash the copy.
            indexed.add(known != null ? known : IndexedDocument.of(document));
        }
        return DocumentSet.of(indexed);
    }

    /** Cache key: DocumentSet compares by identity, which is what a transition between two sets means. */
    private record Transition(DocumentSet from, DocumentSet to) {
    }
}
