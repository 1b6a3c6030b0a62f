package io.tollgate.identity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** The one key type Tollgate makes, for roots and workloads alike: ECDSA on NIST P-256 (Istio's default too). */
public final class P256 {
    private P256() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            // Every Java 25 runtime ships SunEC with secp256r1; reaching this is a broken JDK, not bad input.
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    /**
     * The signature algorithm a key signs with. A plug-in CA brought from elsewhere may hold an RSA key
     * (Istio's sample {@code cacerts} do), so both are accepted for issuers.
     */
    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported signing key algorithm " + key.getAlgorithm());
        };
    }
}
