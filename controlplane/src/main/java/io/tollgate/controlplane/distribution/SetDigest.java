package io.tollgate.controlplane.distribution;

import java.util.HexFormat;

/**
 * Fingerprint of a set of documents: the lane-wise sum (mod 2^64) of their {@link DocumentId}s. A sum does not
 * depend on order and can be updated by adding and subtracting ids, so the server compares a proxy's whole scope
 * in constant time and the proxy checks a delta without rehashing 20,000 documents.
 *
 * <p>Why not a cryptographic hash of the set: it detects changes and bookkeeping mistakes, which is all it is for;
 * whoever could craft colliding documents already writes the configuration.
 */
public record SetDigest(long high, long low) {
    public static final SetDigest EMPTY = new SetDigest(0, 0);
    private static final HexFormat HEX = HexFormat.of();

    public SetDigest plus(DocumentId id) {
        return new SetDigest(high + id.high(), low + id.low());
    }

    public SetDigest minus(DocumentId id) {
        return new SetDigest(high - id.high(), low - id.low());
    }

    public String hex() {
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }
}
