package io.tollgate.controlplane.distribution;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        MessageDigest sha256 = sha256();
        sha256.update(source);
        sha256.update((byte) 0);
        sha256.update(Integer.toString(line).getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0);
        sha256.update(yaml);
        ByteBuffer bytes = ByteBuffer.wrap(sha256.digest());
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
