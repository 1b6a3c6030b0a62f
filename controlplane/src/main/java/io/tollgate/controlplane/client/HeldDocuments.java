package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.DocumentId;
import io.tollgate.controlplane.distribution.Push;
import io.tollgate.controlplane.distribution.PushedDocument;
import io.tollgate.controlplane.distribution.RemovedDocument;
import io.tollgate.controlplane.distribution.SetDigest;
import io.tollgate.controlplane.distribution.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The documents a client holds under a version, in canonical order (source, line, id), with their digest.
 * Immutable: applying a push makes a new value, so the last good one survives a rejected push untouched.
 *
 * <p>Held as two parallel arrays so that a delta costs a proxy little even when it holds 20,000 documents:
 * removed and added documents are located by binary search on (source, line, id), and the rest is copied in one
 * pass with no hashing and no pointer chasing.
 */
final class HeldDocuments {
    static final HeldDocuments NONE = new HeldDocuments("", new ConfigDocument[0], new String[0], SetDigest.EMPTY);

    private static final Comparator<PushedDocument> CANONICAL = Comparator
            .comparing((PushedDocument d) -> d.document().source())
            .thenComparingInt(d -> d.document().line())
            .thenComparing(PushedDocument::id);

    private final String version;
    private final ConfigDocument[] documents;
    private final String[] ids;
    private final SetDigest digest;
    private final Snapshot snapshot;

    private HeldDocuments(String version, ConfigDocument[] documents, String[] ids, SetDigest digest) {
        this.version = version;
        this.documents = documents;
        this.ids = ids;
        this.digest = digest;
        this.snapshot = new Snapshot(version, List.of(documents));
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
        ConfigDocument[] documents = new ConfigDocument[sorted.size()];
        String[] ids = new String[sorted.size()];
        SetDigest digest = SetDigest.EMPTY;
        for (int i = 0; i < sorted.size(); i++) {
            documents[i] = sorted.get(i).document();
            ids[i] = sorted.get(i).id();
            if (i > 0 && ids[i].equals(ids[i - 1])) {
                throw new IllegalArgumentException("push " + push.nonce() + " lists document " + ids[i] + " twice");
            }
            digest = digest.plus(DocumentId.parse(ids[i]));
        }
        return new HeldDocuments(push.version(), documents, ids, digest);
    }

    private HeldDocuments delta(Push push) {
        SetDigest next = digest;
        int[] removeAt = new int[push.removed().size()];
        for (int i = 0; i < removeAt.length; i++) {
            RemovedDocument removed = push.removed().get(i);
            removeAt[i] = find(removed.source(), removed.line(), removed.id());
            if (removeAt[i] < 0) {
                throw new IllegalArgumentException("push " + push.nonce() + " removes document " + removed.id()
                        + " (" + removed.source() + ":" + removed.line() + ") that this proxy does not hold");
            }
            next = next.minus(DocumentId.parse(removed.id()));
        }
        Arrays.sort(removeAt);
        for (int i = 1; i < removeAt.length; i++) {
            if (removeAt[i] == removeAt[i - 1]) {
                throw new IllegalArgumentException("push " + push.nonce() + " removes document " + ids[removeAt[i]] + " twice");
            }
        }
        List<PushedDocument> added = new ArrayList<>(push.documents());
        added.sort(CANONICAL);
        int[] insertAt = new int[added.size()];
        for (int i = 0; i < insertAt.length; i++) {
            ConfigDocument document = added.get(i).document();
            int found = find(document.source(), document.line(), added.get(i).id());
            if (found >= 0 && Arrays.binarySearch(removeAt, found) < 0) {
                throw new IllegalArgumentException("push " + push.nonce() + " adds document " + added.get(i).id() + " it already holds");
            }
            insertAt[i] = found >= 0 ? found : -found - 1;
            next = next.plus(DocumentId.parse(added.get(i).id()));
        }
        int size = documents.length - removeAt.length + insertAt.length;
        ConfigDocument[] mergedDocuments = new ConfigDocument[size];
        String[] mergedIds = new String[size];
        int out = 0;
        int removal = 0;
        int addition = 0;
        for (int position = 0; position <= documents.length; position++) {
            while (addition < insertAt.length && insertAt[addition] == position) {
                mergedDocuments[out] = added.get(addition).document();
                mergedIds[out++] = added.get(addition++).id();
            }
            if (position == documents.length) {
                break;
            }
            if (removal < removeAt.length && removeAt[removal] == position) {
                removal++;
            } else {
                mergedDocuments[out] = documents[position];
                mergedIds[out++] = ids[position];
            }
        }
        return new HeldDocuments(push.version(), mergedDocuments, mergedIds, next);
    }

    /** Index of the document with this place and id, or {@code -(insertion point) - 1}, as Arrays.binarySearch. */
    private int find(String source, int line, String id) {
        int low = 0;
        int high = documents.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = documents[middle].source().compareTo(source);
            if (order == 0) {
                order = Integer.compare(documents[middle].line(), line);
            }
            if (order == 0) {
                order = ids[middle].compareTo(id);
            }
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }
}
