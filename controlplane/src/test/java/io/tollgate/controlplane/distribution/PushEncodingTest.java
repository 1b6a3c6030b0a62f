package io.tollgate.controlplane.distribution;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's pre-encoded pushes must be exactly what a client's {@link PushDecoding} reads. */
class PushEncodingTest {
    static final ConfigDocument A = new ConfigDocument("a.yaml", 1, "kind: A\nnote: \"quotes\" <and> & \\ unicode é\n");
    static final ConfigDocument B = new ConfigDocument("a.yaml", 4, "kind: B\n");
    static final ConfigDocument C = new ConfigDocument("c.yaml", 1, "kind: C\n");

    @Test
    void aFullPushCarriesEveryDocumentWithItsIdAndTheSetDigest() throws Exception {
        DocumentSet set = set(A, B);
        Push push = decode(new EncodedPush(PushEncoding.head("7"), PushEncoding.body("v3-abc", null, set)));
        assertThat(push.version()).isEqualTo("v3-abc");
        assertThat(push.nonce()).isEqualTo("7");
        assertThat(push.kind()).isEqualTo(PushKind.FULL);
        assertThat(push.documents()).extracting(PushedDocument::document).containsExactly(A, B);
        assertThat(push.documents()).extracting(PushedDocument::id)
                .containsExactly(DocumentId.of(A).hex(), DocumentId.of(B).hex());
        assertThat(push.removed()).isEmpty();
        assertThat(push.digest()).isEqualTo(SetDigest.EMPTY.plus(DocumentId.of(A)).plus(DocumentId.of(B)).hex());
    }

    @Test
    void aDeltaCarriesOnlyWhatChanged() throws Exception {
        Push push = decode(new EncodedPush(PushEncoding.head("8"), PushEncoding.body("v4", set(A, B), set(A, C))));
        assertThat(push.kind()).isEqualTo(PushKind.DELTA);
        assertThat(push.documents()).extracting(PushedDocument::document).containsExactly(C);
        assertThat(push.removed()).containsExactly(new RemovedDocument(DocumentId.of(B).hex(), "a.yaml", 4));
        assertThat(push.digest()).isEqualTo(set(C, A).digest().hex());
    }

    @Test
    void theStreamReadsTheSameBytesWhetherDrainedOrReadInPieces() throws Exception {
        EncodedPush encoded = new EncodedPush(PushEncoding.head("9"), PushEncoding.body("v5", null, set(A, B, C)));
        var drained = new ByteArrayOutputStream();
        try (InputStream stream = EncodedPush.MARSHALLER.stream(encoded)) {
            ((io.grpc.Drainable) stream).drainTo(drained);
        }
        var pieces = new ByteArrayOutputStream();
        try (InputStream stream = EncodedPush.MARSHALLER.stream(encoded)) {
            byte[] buffer = new byte[7];
            for (int n; (n = stream.read(buffer, 0, buffer.length)) > 0; ) {
                pieces.write(buffer, 0, n);
            }
        }
        assertThat(pieces.toByteArray()).isEqualTo(drained.toByteArray());
    }

    @Test
    void aScopeListingADocumentTwiceCountsItOnce() {
        assertThat(set(A, A, B).size()).isEqualTo(2);
        assertThat(set(A, A, B).digest()).isEqualTo(set(B, A).digest());
    }

    static DocumentSet set(ConfigDocument... documents) {
        return DocumentSet.of(List.of(documents).stream().map(IndexedDocument::of).toList());
    }

    static Push decode(EncodedPush encoded) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (InputStream stream = EncodedPush.MARSHALLER.stream(encoded)) {
            stream.transferTo(bytes);
        }
        return PushDecoding.MARSHALLER.parse(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
