package io.tollgate.controlplane.distribution;

/**
 * The bytes of a {@link Push} on the wire: a compact binary layout rather than JSON, because a gateway's first
 * snapshot is thousands of YAML documents (4 MB) and JSON made every proxy unescape all of it character by
 * character. The server lays each document out once ({@link IndexedDocument}) and assembles pushes by copying
 * bytes ({@link PushEncoding}); a proxy decodes them with {@link PushDecoding}.
 *
 * <pre>
 * push     = FORMAT nonce version kind count document* count removed* digest
 * document = id place yaml
 * removed  = id place
 * place    = source line
 * id       = 16 bytes: the {@link DocumentId}, high then low, big-endian
 * kind     = 1 byte: 0 FULL, 1 DELTA
 * count    = int32 big-endian, at least 0
 * line     = int32 big-endian, at least 1
 * nonce, version, source, yaml, digest = string
 * string   = int32 big-endian byte length, then that many bytes of UTF-8
 * </pre>
 *
 * The nonce comes first so that everything after it is one body shared by every stream that makes the same
 * transition. A different {@link #FORMAT} byte is refused by name, so a proxy and a control plane of different
 * releases fail clearly rather than misread each other.
 */
final class PushFormat {
    /** The first byte of every push: the layout's version. */
    static final byte FORMAT = 1;
    static final byte FULL = 0;
    static final byte DELTA = 1;
    /** The fewest bytes a document can take: id, two empty-string lengths and a line. */
    static final int MIN_DOCUMENT_BYTES = 16 + 4 + 4 + 4;
    /** The fewest bytes a removal can take: id, an empty-string length and a line. */
    static final int MIN_REMOVED_BYTES = 16 + 4 + 4;

    private PushFormat() {
    }
}
