package io.tollgate.controlplane.distribution;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes {@link Push} messages ({@link PushFormat}) so that the expensive part is done once per version and scope,
 * not once per proxy: everything but the nonce is one body shared by every stream that makes the same transition,
 * and each stream only prepends its nonce. The body itself is assembled from each document's bytes, laid out once
 * when the document first appears ({@link IndexedDocument}): a full snapshot of 10,000 documents is a copy of
 * bytes, not 10,000 encodings.
 */
final class PushEncoding {
    private PushEncoding() {
    }

    /** One document as the document list of a push holds it: id, then the UTF-8 of its source, its line, its text. */
    static byte[] document(DocumentId id, byte[] source, int line, byte[] yaml) {
        byte[] bytes = new byte[16 + 4 + source.length + 4 + 4 + yaml.length];
        int at = putLong(bytes, 0, id.high());
        at = putLong(bytes, at, id.low());
        at = putString(bytes, at, source);
        at = putInt(bytes, at, line);
        putString(bytes, at, yaml);
        return bytes;
    }

    /** Everything of a push after its nonce, from {@code from} (null: a full push) to {@code to}. */
    static byte[] body(String version, DocumentSet from, DocumentSet to) {
        List<IndexedDocument> documents = from == null ? to.indexed() : to.addedSince(from);
        List<RemovedDocument> removed = from == null ? List.of() : to.removedSince(from).stream()
                .map(d -> new RemovedDocument(d.id().hex(), d.document().source(), d.document().line())).toList();
        return body(version, from != null, documents, removed, to.digest().hex());
    }

    /** Everything of a push after its nonce: version, kind, documents, removals and digest. */
    static byte[] body(String version, boolean delta, List<IndexedDocument> documents, List<RemovedDocument> removed,
                       String digest) {
        byte[] versionBytes = utf8(version);
        byte[] digestBytes = utf8(digest);
        List<byte[]> removedSources = removed.stream().map(r -> utf8(r.source())).toList();
        int size = 4 + versionBytes.length + 1 + 4 + 4 + 4 + digestBytes.length;
        for (IndexedDocument document : documents) {
            size += document.bytes().length;
        }
        for (byte[] source : removedSources) {
            size += 16 + 4 + source.length + 4;
        }
        byte[] body = new byte[size];
        int at = putString(body, 0, versionBytes);
        body[at++] = delta ? PushFormat.DELTA : PushFormat.FULL;
        at = putInt(body, at, documents.size());
        for (IndexedDocument document : documents) {
            at = put(body, at, document.bytes());
        }
        at = putInt(body, at, removed.size());
        for (int i = 0; i < removed.size(); i++) {
            DocumentId id = DocumentId.parse(removed.get(i).id());
            at = putLong(body, at, id.high());
            at = putLong(body, at, id.low());
            at = putString(body, at, removedSources.get(i));
            at = putInt(body, at, removed.get(i).line());
        }
        putString(body, at, digestBytes);
        return body;
    }

    /** The part each stream adds: the format byte and its nonce. */
    static byte[] head(String nonce) {
        byte[] text = utf8(nonce);
        byte[] head = new byte[1 + 4 + text.length];
        head[0] = PushFormat.FORMAT;
        putString(head, 1, text);
        return head;
    }

    private static int putString(byte[] target, int at, byte[] text) {
        return put(target, putInt(target, at, text.length), text);
    }

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static int putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
        return at + 4;
    }

    private static int putLong(byte[] target, int at, long value) {
        return putInt(target, putInt(target, at, (int) (value >>> 32)), (int) value);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
