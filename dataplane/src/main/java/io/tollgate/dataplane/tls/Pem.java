package io.tollgate.dataplane.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads certificates and PKCS#8 keys from PEM text with the JDK alone. */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519");

    private Pem() {
    }

    static List<X509Certificate> certificates(String pem) {
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("certificate chain: no CERTIFICATE block in the PEM text");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate chain: not valid PEM X.509: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String pem) {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("private key: no PEM block found");
        }
        if (!block.group(1).equals("PRIVATE KEY")) {
            throw new IllegalArgumentException("private key: found a '" + block.group(1)
                    + "' block; only unencrypted PKCS#8 'PRIVATE KEY' is read (openssl pkcs8 -topk8 -nocrypt converts)");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                // Try the next: PKCS#8 names its algorithm, but asking each factory is simpler than parsing DER.
            }
        }
        throw new IllegalArgumentException("private key: not an EC, RSA or Ed25519 PKCS#8 key");
    }
}
