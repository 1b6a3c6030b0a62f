package io.tollgate.controlplane.distribution;

import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A proxy reads exactly what was written, and refuses bytes off the layout by offset and field. */
class PushDecodingTest {
    private static final ConfigDocument A = PushEncodingTest.A;
    private static final ConfigDocument B = PushEncodingTest.B;

    @Test
    void aPushWrittenFromItsRecordReadsBackEqual() throws Exception {
        Push push = new Push("v9-ü", "n1", PushKind.DELTA,
                List.of(new PushedDocument(DocumentId.of(A).hex(), A)),
                List.of(new RemovedDocument(DocumentId.of(B).hex(), "a.yaml", 4)), "00ff".repeat(8));
        assertThat(roundTrip(push)).isEqualTo(push);
        Push empty = new Push("v1", "n2", PushKind.FULL, List.of(), List.of(), SetDigest.EMPTY.hex());
        assertThat(roundTrip(empty)).isEqualTo(empty);
    }

    @Test
    void anotherFormatIsRefusedByName() throws Exception {
        byte[] bytes = bytes(full());
        bytes[0] = 7;
        assertRefused(bytes, "malformed push: byte 0: format 7 is not 1 (a control plane and a proxy of incompatible releases?)");
    }

    @Test
    void aCutMessageNamesTheFieldItEndsIn() throws Exception {
        byte[] bytes = bytes(full());
        // format (1) + nonce "n" (4 + 1) + version "v1" (4 + 2) + kind (1) + count (4) = 17; then id (16) and source
        // "a.yaml" (4 + 6): the line starts at byte 43. 45 bytes pass the count check (28 per document at least).
        assertRefused(Arrays.copyOf(bytes, 45), "malformed push: byte 43: document 0: line: the message ends after 45 bytes, 4 needed");
        assertRefused(Arrays.copyOf(bytes, 40), "malformed push: byte 13: documents: count 1 does not fit the 23 bytes left");
        assertRefused(new byte[0], "malformed push: byte 0: empty message");
    }

    @Test
    void countsAndLengthsMustFitTheBytesLeft() throws Exception {
        byte[] bytes = bytes(full());
        bytes[13] = 0x7f; // the document count's high byte: two billion documents in a few hundred bytes
        assertThatThrownBy(() -> parse(bytes)).isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("malformed push: byte 13: documents: count 2130706433 does not fit the");
        byte[] yamlLength = bytes(full());
        int yamlAt = 17 + 16 + 4 + "a.yaml".length() + 4;
        yamlLength[yamlAt] = 0x10;
        assertThatThrownBy(() -> parse(yamlLength)).hasMessageContaining("byte " + yamlAt + ": document 0: yaml: length");
    }

    @Test
    void aWrongKindALineBelowOneBadUtf8AndTrailingBytesAreRefused() throws Exception {
        byte[] kind = bytes(full());
        kind[12] = 5;
        assertRefused(kind, "malformed push: byte 12: kind: must be 0 (FULL) or 1 (DELTA), was 5");

        byte[] line = bytes(full());
        int lineAt = 17 + 16 + 4 + "a.yaml".length();
        line[lineAt + 3] = 0;
        assertRefused(line, "malformed push: byte " + lineAt + ": document 0: line: must be at least 1, was 0");

        byte[] utf8 = bytes(full());
        utf8[17 + 16 + 4] = (byte) 0xC3; // "a.yaml" begins with a lead byte whose continuation is missing
        assertRefused(utf8, "malformed push: byte 37: document 0: source: not UTF-8");

        byte[] trailing = Arrays.copyOf(bytes(full()), bytes(full()).length + 2);
        assertRefused(trailing, "malformed push: byte " + bytes(full()).length + ": 2 bytes after the digest");
    }

    @Test
    void aBrokenRemovalIsNamedByItsIndexAndARealReplacementCharacterIsText() throws Exception {
        Push delta = new Push("v2", "n", PushKind.DELTA, List.of(),
                List.of(new RemovedDocument(DocumentId.of(B).hex(), "a.yaml", 4)), SetDigest.EMPTY.hex());
        byte[] bytes = bytes(delta);
        // format 1 + nonce 5 + version 6 + kind 1 + no documents 4 + removal count 4 + id 16 + source 4 + 6 = the line
        int lineAt = 1 + 5 + 6 + 1 + 4 + 4 + 16 + 4 + "a.yaml".length();
        bytes[lineAt + 3] = 0;
        assertRefused(bytes, "malformed push: byte " + lineAt + ": removed 0: line: must be at least 1, was 0");

        ConfigDocument replacement = new ConfigDocument("r.yaml", 1, "note: \"\uFFFD stays\"\n");
        Push push = new Push("v3", "n", PushKind.FULL, List.of(new PushedDocument(DocumentId.of(replacement).hex(), replacement)),
                List.of(), SetDigest.EMPTY.plus(DocumentId.of(replacement)).hex());
        assertThat(roundTrip(push)).isEqualTo(push);
    }

    private static Push full() {
        return new Push("v1", "n", PushKind.FULL, List.of(new PushedDocument(DocumentId.of(A).hex(), A)), List.of(),
                SetDigest.EMPTY.plus(DocumentId.of(A)).hex());
    }

    private static Push roundTrip(Push push) throws Exception {
        return parse(bytes(push));
    }

    private static byte[] bytes(Push push) throws Exception {
        try (InputStream stream = PushDecoding.MARSHALLER.stream(push)) {
            return stream.readAllBytes();
        }
    }

    private static Push parse(byte[] bytes) {
        return PushDecoding.MARSHALLER.parse(new ByteArrayInputStream(bytes));
    }

    private static void assertRefused(byte[] bytes, String message) {
        assertThatThrownBy(() -> parse(bytes)).isInstanceOf(StatusRuntimeException.class)
                .hasMessage("INVALID_ARGUMENT: " + message);
    }
}
