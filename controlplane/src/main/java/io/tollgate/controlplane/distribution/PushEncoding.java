package io.tollgate.controlplane.distribution;

import com.google.gson.Gson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes {@link Push} messages so that the expensive part is done once per version and scope, not once per
 * proxy: everything but the nonce is one JSON body shared by every stream that makes the same transition, and
 * each stream only prepends its nonce. The bytes are exactly what {@code JsonMarshaller.of(Push.class)} reads.
 */
final class PushEncoding {
    // Gson is immutable and thread-safe once built.
    private static final Gson GSON = new Gson();

    private PushEncoding() {
    }

    /** The JSON object of a push without its nonce and without the opening brace. */
    static byte[] body(String version, DocumentSet from, DocumentSet to) {
        PushBody body = from == null
                ? new PushBody(version, PushKind.FULL, new ArrayList<>(to.documents()), List.of(), to.digest().hex())
                : new PushBody(version, PushKind.DELTA, to.addedSince(from), to.removedSince(from), to.digest().hex());
        byte[] json = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOfRange(json, 1, json.length);
    }

    /** The part each stream adds: the opening brace and its nonce (a plain token, so it needs no escaping). */
    static byte[] head(String nonce) {
        return ("{\"nonce\":\"" + nonce + "\",").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@link Push} without the nonce; field names must match {@link Push}'s components. */
    private record PushBody(String version, PushKind kind, List<PushedDocument> documents, List<RemovedDocument> removed,
                            String digest) {
    }
}
