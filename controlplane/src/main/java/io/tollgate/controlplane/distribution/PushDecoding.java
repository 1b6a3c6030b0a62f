package io.tollgate.controlplane.distribution;

import io.grpc.MethodDescriptor;
import io.grpc.Status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A proxy's reading of {@link PushFormat} bytes into a {@link Push}. Bytes that do not follow the layout fail the
 * call with INVALID_ARGUMENT naming the byte offset and the field ({@code push byte 1234: document 17: yaml: ...}),
 * never with a stack trace; counts and lengths are checked against the bytes left before anything is allocated.
 *
 * <p>Its {@link #stream} writes the same layout from a {@link Push} record, for tests that play the server.
 */
public final class PushDecoding implements MethodDescriptor.Marshaller<Push> {
    public static final PushDecoding MARSHALLER = new PushDecoding();
    private static final HexFormat HEX = HexFormat.of();

    private PushDecoding() {
    }

    @Override
    public InputStream stream(Push push) {
        List<IndexedDocument> documents = push.documents().stream()
                .map(d -> {
                    DocumentId id = DocumentId.parse(d.id());
                    byte[] source = d.document().source().getBytes(StandardCharsets.UTF_8);
                    byte[] yaml = d.document().yaml().getBytes(StandardCharsets.UTF_8);
                    return new IndexedDocument(id, d.document(), PushEncoding.document(id, source, d.document().line(), yaml));
                }).toList();
        byte[] body = PushEncoding.body(push.version(), push.kind() == PushKind.DELTA, documents, push.removed(),
                push.digest());
        byte[] head = PushEncoding.head(push.nonce());
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return new ByteArrayInputStream(all);
    }

    @Override
    public Push parse(InputStream stream) {
        byte[] bytes;
        try (stream) {
            bytes = stream.readAllBytes();
        } catch (IOException e) {
            throw Status.INVALID_ARGUMENT.withDescription("reading a push: " + e.getMessage()).withCause(e).asRuntimeException();
        }
        return new Reader(bytes).push();
    }

    /** One message's bytes and the position in them. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Push push() {
            if (bytes.length == 0) {
                throw malformed("", "empty message");
            }
            if (bytes[0] != PushFormat.FORMAT) {
                throw malformed("", "format " + bytes[0] + " is not " + PushFormat.FORMAT
                        + " (a control plane and a proxy of incompatible releases?)");
            }
            at = 1;
            String nonce = string("nonce");
            String version = string("version");
            need(1, "kind");
            PushKind kind = switch (bytes[at]) {
                case PushFormat.FULL -> PushKind.FULL;
                case PushFormat.DELTA -> PushKind.DELTA;
                default -> throw malformed("kind", "must be 0 (FULL) or 1 (DELTA), was " + bytes[at]);
            };
            at++;
            int count = count("documents", PushFormat.MIN_DOCUMENT_BYTES);
            List<PushedDocument> documents = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // A document starts as a removal is laid out (id, source, line); its text follows.
                RemovedDocument head = idAndPlace("document " + i);
                documents.add(new PushedDocument(head.id(),
                        new ConfigDocument(head.source(), head.line(), string("document " + i + ": yaml"))));
            }
            int removals = count("removed", PushFormat.MIN_REMOVED_BYTES);
            List<RemovedDocument> removed = new ArrayList<>(removals);
            for (int i = 0; i < removals; i++) {
                removed.add(idAndPlace("removed " + i));
            }
            String digest = string("digest");
            if (at != bytes.length) {
                throw malformed("", (bytes.length - at) + " bytes after the digest");
            }
            return new Push(version, nonce, kind, documents, removed, digest);
        }

        private RemovedDocument idAndPlace(String field) {
            String id = id(field);
            String source = string(field + ": source");
            return new RemovedDocument(id, source, line(field));
        }

        private String id(String field) {
            need(16, field + ": id");
            at += 16;
            return HEX.formatHex(bytes, at - 16, at);
        }

        private int line(String field) {
            int start = at;
            int line = integer(field + ": line");
            if (line < 1) {
                at = start;
                throw malformed(field + ": line", "must be at least 1, was " + line);
            }
            return line;
        }

        private int count(String field, int minimumBytesEach) {
            int start = at;
            int count = integer(field);
            if (count < 0 || (long) count * minimumBytesEach > bytes.length - at) {
                at = start;
                throw malformed(field, "count " + count + " does not fit the " + (bytes.length - start - 4) + " bytes left");
            }
            return count;
        }

        private String string(String field) {
            int start = at;
            int length = integer(field);
            if (length < 0 || length > bytes.length - at) {
                at = start;
                throw malformed(field, "length " + length + " does not fit the " + (bytes.length - start - 4) + " bytes left");
            }
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            // Decoding replaces a malformed sequence with U+FFFD; only then is the strict check worth its cost.
            if (text.indexOf('\uFFFD') >= 0) {
                strictUtf8(field, length);
            }
            at += length;
            return text;
        }

        private void strictUtf8(String field, int length) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, at, length));
            } catch (CharacterCodingException e) {
                throw malformed(field, "not UTF-8");
            }
        }

        private int integer(String field) {
            need(4, field);
            at += 4;
            return (bytes[at - 4] & 0xff) << 24 | (bytes[at - 3] & 0xff) << 16 | (bytes[at - 2] & 0xff) << 8 | bytes[at - 1] & 0xff;
        }

        private void need(int count, String field) {
            if (bytes.length - at < count) {
                throw malformed(field, "the message ends after " + bytes.length + " bytes, " + count + " needed");
            }
        }

        private RuntimeException malformed(String field, String problem) {
            return Status.INVALID_ARGUMENT.withDescription("malformed push: byte " + at + ": "
                    + (field.isEmpty() ? "" : field + ": ") + problem).asRuntimeException();
        }
    }
}
