package io.tollgate.identity;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes the PEM text that certificates, keys and CSRs travel in. Errors name the source (a file
 * path, or a label such as "CSR") and the block, e.g. {@code ca.pem: PEM block 2: not a CERTIFICATE but a PRIVATE KEY}.
 */
public final class Pem {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static List<X509Certificate> readCertificates(Path file) throws CredentialException {
        return parseCertificates(read(file), file.toString());
    }

    /** Every block must be a certificate and there must be at least one. */
    public static List<X509Certificate> parseCertificates(String pem, String source) throws CredentialException {
        List<X509Certificate> certificates = new ArrayList<>();
        List<Object> blocks = blocks(pem, source);
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof X509CertificateHolder holder)) {
                throw new CredentialException(source + ": PEM block " + (i + 1) + ": not a CERTIFICATE but " + describe(blocks.get(i)));
            }
            certificates.add(toCertificate(holder, source + ": PEM block " + (i + 1)));
        }
        if (certificates.isEmpty()) {
            throw new CredentialException(source + ": no PEM CERTIFICATE block found");
        }
        return List.copyOf(certificates);
    }

    public static PrivateKey readPrivateKey(Path file) throws CredentialException {
        return parsePrivateKey(read(file), file.toString());
    }

    /**
     * Accepts PKCS#8 ({@code PRIVATE KEY}) and the OpenSSL forms ({@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY}),
     * skipping an {@code EC PARAMETERS} block as {@code openssl ecparam -genkey} writes one. Exactly one key.
     */
    public static PrivateKey parsePrivateKey(String pem, String source) throws CredentialException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKey found = null;
        List<Object> blocks = blocks(pem, source);
        for (int i = 0; i < blocks.size(); i++) {
            Object block = blocks.get(i);
            String where = source + ": PEM block " + (i + 1);
            PrivateKey key;
            try {
                key = switch (block) {
                    case PrivateKeyInfo info -> converter.getPrivateKey(info);
                    case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
                    case ASN1ObjectIdentifier ignored -> null; // EC PARAMETERS: the curve is in the key itself
                    case PKCS8EncryptedPrivateKeyInfo ignored -> throw new CredentialException(where + ": the key is encrypted; Tollgate needs an unencrypted key");
                    case PEMEncryptedKeyPair ignored -> throw new CredentialException(where + ": the key is encrypted; Tollgate needs an unencrypted key");
                    default -> throw new CredentialException(where + ": not a PRIVATE KEY but " + describe(block));
                };
            } catch (IOException e) {
                throw new CredentialException(where + ": unusable private key: " + e.getMessage(), e);
            }
            if (key != null) {
                if (found != null) {
                    throw new CredentialException(source + ": more than one private key");
                }
                found = key;
            }
        }
        if (found == null) {
            throw new CredentialException(source + ": no PEM PRIVATE KEY block found");
        }
        return found;
    }

    static PKCS10CertificationRequest parseCsr(String pem, String source) throws CredentialException {
        List<Object> blocks = blocks(pem, source);
        if (blocks.size() != 1) {
            throw new CredentialException(source + ": expected exactly one PEM CERTIFICATE REQUEST block, found " + blocks.size() + " blocks");
        }
        if (!(blocks.getFirst() instanceof PKCS10CertificationRequest csr)) {
            throw new CredentialException(source + ": not a CERTIFICATE REQUEST but " + describe(blocks.getFirst()));
        }
        return csr;
    }

    public static String encodeCertificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                // A certificate object that was parsed or built here always has an encoding.
                throw new IllegalStateException("certificate without a DER encoding", e);
            }
        }
        return out.toString();
    }

    /** PKCS#8, which OpenSSL, Envoy and the JDK all read. */
    public static String encodePrivateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String read(Path file) throws CredentialException {
        try {
            // Latin-1 never fails to decode, so a binary (DER) file reaches the parser and gets "no PEM block".
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CredentialException(file + ": cannot read: " + e, e);
        }
    }

    private static List<Object> blocks(String pem, String source) throws CredentialException {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            throw new CredentialException(source + ": PEM block " + (blocks.size() + 1) + ": malformed: " + e.getMessage(), e);
        }
        return blocks;
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder, String where) throws CredentialException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (IOException | CertificateException e) {
            throw new CredentialException(where + ": malformed certificate: " + e.getMessage(), e);
        }
    }

    private static String describe(Object block) {
        return switch (block) {
            case X509CertificateHolder ignored -> "a CERTIFICATE";
            case PrivateKeyInfo ignored -> "a PRIVATE KEY";
            case PEMKeyPair ignored -> "a PRIVATE KEY";
            case PKCS10CertificationRequest ignored -> "a CERTIFICATE REQUEST";
            default -> "a " + block.getClass().getSimpleName();
        };
    }
}
