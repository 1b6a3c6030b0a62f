package io.tollgate.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The claims of a join token: a random id (what single use is recorded by), the one identity it admits, its
 * expiry, and the fingerprint of the CA root (so the holder can pin the control plane before trusting it).
 * <p>On the wire: {@code tgjoin1.<base64url(claims)>.<base64url(HMAC-SHA256)>}, the claims being four lines
 * (id, SPIFFE ID, expiry in epoch seconds, root fingerprint). The claims are readable by anyone holding the
 * token, which is what lets a client learn its identity and pin; only {@link JoinTokens} can check the MAC.
 */
public record JoinToken(String id, SpiffeId identity, Instant expiresAt, Fingerprint caRoot) {
    static final String PREFIX = "tgjoin1.";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public JoinToken {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(caRoot, "caRoot");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a join token id is 32 lower-case hex digits, not '" + id + "'");
        }
    }

    /**
     * Reads the claims without checking the signature: what a client does with its own token. The control plane
     * never trusts claims read this way; it uses {@link JoinTokens#attest}.
     */
    public static JoinToken readClaims(String token) throws AttestationException {
        return decode(signedPart(token));
    }

    /** The token text up to (not including) the MAC: what the MAC covers. */
    static String signedPart(String token) throws AttestationException {
        if (token == null || !token.startsWith(PREFIX)) {
            throw malformed("it does not start with " + PREFIX);
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot <= PREFIX.length() || token.indexOf('.', PREFIX.length()) != lastDot) {
            throw malformed("it is not of the form " + PREFIX + "CLAIMS.MAC");
        }
        return token.substring(0, lastDot);
    }

    static byte[] mac(String token) throws AttestationException {
        try {
            return DECODER.decode(token.substring(token.lastIndexOf('.') + 1));
        } catch (IllegalArgumentException e) {
            throw malformed("its MAC is not base64url");
        }
    }

    String signedPart() {
        String claims = String.join("\n", id, identity.toString(), Long.toString(expiresAt.getEpochSecond()), caRoot.toString());
        return PREFIX + ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    static String withMac(String signedPart, byte[] mac) {
        return signedPart + "." + ENCODER.encodeToString(mac);
    }

    private static JoinToken decode(String signedPart) throws AttestationException {
        String claims;
        try {
            claims = new String(DECODER.decode(signedPart.substring(PREFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed("its claims are not base64url");
        }
        String[] lines = claims.split("\n", -1);
        if (lines.length != 4) {
            throw malformed("it has " + lines.length + " claims, not 4");
        }
        try {
            return new JoinToken(lines[0], SpiffeId.parse(lines[1]), Instant.ofEpochSecond(Long.parseLong(lines[2])), Fingerprint.parse(lines[3]));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static AttestationException malformed(String problem) {
        return new AttestationException(AttestationException.Reason.MALFORMED, "not a valid join token: " + problem);
    }
}
