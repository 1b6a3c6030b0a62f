package io.tollgate.controlplane.distribution;

import com.google.gson.Gson;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes {@link Push} messages so that the expensive part is done once per version and scope, not once per
 * proxy: everything but the nonce is one JSON body shared by every stream that makes the same transition, and
 * each stream only prepends its nonce. The body itself is assembled from each document's JSON, encoded once when
 * the document first appears ({@link IndexedDocument}): a full snapshot of 10,000 documents is a copy of bytes, not
 * 10,000 encodings. The bytes are exactly what {@code JsonMarshaller.of(Push.class)} reads.
 */
final class PushEncoding {
    // Gson is immutable and thread-safe once built.
    private static final Gson GSON = new Gson();
    private static final byte[] DOCUMENTS = bytes(",\"documents\":[");

    private PushEncoding() {
    }

    /** One document as the {@code documents} array of a push holds it. */
    static byte[] json(PushedDocument document) {
        return bytes(GSON.toJson(document));
    }

    /**
     * The JSON object of a push without its nonce and without the opening brace: {@link Push}'s other fields, by
     * name ({@code version}, {@code kind}, {@code documents}, {@code removed}, {@code digest}).
     */
    static byte[] body(String version, DocumentSet from, DocumentSet to) {
        List<IndexedDocument> documents = from == null ? to.indexed() : to.addedSince(from);
        List<RemovedDocument> removed = from == null ? List.of() : to.removedSince(from);
        byte[] head = bytes("\"version\":" + GSON.toJson(version) + ",\"kind\":"
                + GSON.toJson(from == null ? PushKind.FULL : PushKind.DELTA));
        byte[] tail = bytes("],\"removed\":" + GSON.toJson(removed) + ",\"digest\":\"" + to.digest().hex() + "\"}");
        int size = head.length + DOCUMENTS.length + Math.max(0, documents.size() - 1) + tail.length;
        for (IndexedDocument document : documents) {
            size += document.json().length;
        }
        byte[] body = new byte[size];
        int at = put(body, 0, head);
        at = put(body, at, DOCUMENTS);
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            at = put(body, at, documents.get(i).json());
        }
        put(body, at, tail);
        return body;
    }

    /** The part each stream adds: the opening brace and its nonce (a plain token, so it needs no escaping). */
    static byte[] head(String nonce) {
        return ("{\"nonce\":\"" + nonce + "\",").getBytes(StandardCharsets.US_ASCII);
    }

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
