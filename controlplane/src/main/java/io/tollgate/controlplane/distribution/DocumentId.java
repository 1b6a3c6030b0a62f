package io.tollgate.controlplane.distribution;

import io.tollgate.controlplane.digest.Sha256;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Names a document by its content and place: the first 128 bits of SHA-256 over source, line and text. Two
 * documents with the same id are the same document, so a delta can say "remove this one" by id alone.
 */
public record DocumentId(long high, long low) {
    private static final HexFormat HEX = HexFormat.of();

    public static DocumentId of(ConfigDocument document) {
        return of(document.source().getBytes(StandardCharsets.UTF_8), document.line(),
                document.yaml().getBytes(StandardCharsets.UTF_8));
    }

    /** The id of a document given as the UTF-8 of its source and text (which the caller has at hand anyway). */
    static DocumentId of(byte[] source, int line, byte[] yaml) {
        byte[] number = Integer.toString(line).getBytes(StandardCharsets.US_ASCII);
        // source NUL line NUL text, hashed in one piece
        byte[] all = new byte[source.length + 1 + number.length + 1 + yaml.length];
        System.arraycopy(source, 0, all, 0, source.length);
        System.arraycopy(number, 0, all, source.length + 1, number.length);
        System.arraycopy(yaml, 0, all, source.length + 1 + number.length + 1, yaml.length);
        ByteBuffer bytes = ByteBuffer.wrap(Sha256.of(all));
        return new DocumentId(bytes.getLong(), bytes.getLong());
    }

    /** Parses the 32 hex digits {@link #hex()} prints; throws {@link IllegalArgumentException} otherwise. */
    public static DocumentId parse(String hex) {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("document id '" + hex + "' is not 32 hex digits");
        }
        return new DocumentId(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }

    public String hex() {
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }
}
