package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.DocumentId;
import io.tollgate.controlplane.distribution.Push;
import io.tollgate.controlplane.distribution.PushKind;
import io.tollgate.controlplane.distribution.PushedDocument;
import io.tollgate.controlplane.distribution.SetDigest;
import io.tollgate.controlplane.distribution.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The documents a client holds under a version, in canonical order (source, line, id), with their digest.
 * Immutable: applying a push makes a new value, so the last good one survives a rejected push untouched.
 *
 * <p>A delta is applied in one linear pass (filter the removed, merge the sorted added), never by re-sorting or
 * re-hashing the whole set, so a one-document change costs a proxy little even when it holds 20,000 documents.
 */
final class HeldDocuments {
    static final HeldDocuments NONE = new HeldDocuments("", List.of(), SetDigest.EMPTY);

    private static final Comparator<PushedDocument> CANONICAL = Comparator
            .comparing((PushedDocument d) -> d.document().source())
            .thenComparingInt(d -> d.document().line())
            .thenComparing(PushedDocument::id);

    private final String version;
    private final List<PushedDocument> sorted;
    private final SetDigest digest;
    private final Snapshot snapshot;

    private HeldDocuments(String version, List<PushedDocument> sorted, SetDigest digest) {
        this.version = version;
        this.sorted = sorted;
        this.digest = digest;
        List<ConfigDocument> documents = new ArrayList<>(sorted.size());
        sorted.forEach(d -> documents.add(d.document()));
        this.snapshot = new Snapshot(version, documents);
    }

    String version() {
        return version;
    }

    SetDigest digest() {
        return digest;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /**
     * What holding this and receiving {@code push} amounts to.
     *
     * @throws IllegalArgumentException if the push cannot apply to this set (unknown removal, duplicate addition,
     *                                  malformed id, or a result whose digest differs from the server's)
     */
    HeldDocuments apply(Push push) {
        if (push.version() == null || push.version().isEmpty()) {
            throw new IllegalArgumentException("push " + push.nonce() + " has no version");
        }
        HeldDocuments next = switch (push.kind()) {
            case FULL -> full(push);
            case DELTA -> delta(push);
            case null -> throw new IllegalArgumentException("push " + push.nonce() + " has no kind");
        };
        if (!next.digest.hex().equals(push.digest())) {
            throw new IllegalArgumentException("push " + push.nonce() + " (" + push.kind() + ") yields digest "
                    + next.digest.hex() + " but the server expects " + push.digest());
        }
        return next;
    }

    private static HeldDocuments full(Push push) {
        List<PushedDocument> sorted = new ArrayList<>(push.documents());
        sorted.sort(CANONICAL);
        SetDigest digest = SetDigest.EMPTY;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("push " + push.nonce() + " lists document " + sorted.get(i).id() + " twice");
            }
            digest = digest.plus(DocumentId.parse(sorted.get(i).id()));
        }
        return new HeldDocuments(push.version(), List.copyOf(sorted), digest);
    }

    private HeldDocuments delta(Push push) {
        Set<String> removed = new HashSet<>(push.removed());
        SetDigest digest = this.digest;
        for (String id : removed) {
            digest = digest.minus(DocumentId.parse(id));
        }
        List<PushedDocument> added = new ArrayList<>(push.documents());
        added.sort(CANONICAL);
        for (PushedDocument document : added) {
            digest = digest.plus(DocumentId.parse(document.id()));
        }
        List<PushedDocument> merged = new ArrayList<>(sorted.size() - removed.size() + added.size());
        int found = 0;
        int next = 0;
        for (PushedDocument held : sorted) {
            if (removed.contains(held.id())) {
                found++;
                continue;
            }
            while (next < added.size() && CANONICAL.compare(added.get(next), held) < 0) {
                merged.add(added.get(next++));
            }
            if (next < added.size() && added.get(next).id().equals(held.id())) {
                throw new IllegalArgumentException("push " + push.nonce() + " adds document " + held.id() + " it already holds");
            }
            merged.add(held);
        }
        merged.addAll(added.subList(next, added.size()));
        if (found != removed.size()) {
            throw new IllegalArgumentException("push " + push.nonce() + " removes " + (removed.size() - found)
                    + " document(s) this proxy does not hold");
        }
        return new HeldDocuments(push.version(), List.copyOf(merged), digest);
    }
}
