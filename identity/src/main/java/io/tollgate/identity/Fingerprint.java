package io.tollgate.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a certificate's DER encoding, written {@code sha256:<64 lower-case hex digits>}: the same bytes
 * as {@code openssl x509 -noout -fingerprint -sha256}, without the colons. Join tokens carry the root's
 * fingerprint so a new client can pin the control plane's root on first contact (kubeadm's
 * discovery-token-ca-cert-hash idea, over the whole certificate rather than its public key).
 */
public record Fingerprint(String sha256Hex) {
    public static final String PREFIX = "sha256:";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Fingerprint {
        if (sha256Hex == null || !HEX64.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 lower-case hex digits, not '" + sha256Hex + "'");
        }
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // SHA-256 is mandatory in every JDK, and a parsed certificate always has its encoding.
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** Parses {@code sha256:HEX}; colons (as openssl prints) and upper case are accepted. */
    public static Fingerprint parse(String text) {
        if (text == null || !text.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new IllegalArgumentException("a fingerprint starts with " + PREFIX + ", not '" + text + "'");
        }
        return new Fingerprint(text.substring(PREFIX.length()).replace(":", "").toLowerCase(Locale.ROOT));
    }

    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    @Override
    public String toString() {
        return PREFIX + sha256Hex;
    }
}
