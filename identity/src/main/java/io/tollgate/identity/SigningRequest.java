package io.tollgate.identity;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A PKCS#10 certificate signing request for one workload identity: the workload makes its key pair and sends
 * only this, so the private key never leaves it. The requested SPIFFE ID travels as the CSR's one URI SAN, as
 * in Istio. {@link #parse} checks the CSR's own signature, which proves the sender holds the private key.
 */
public final class SigningRequest {
    private static final String SOURCE = "CSR";
    private final PKCS10CertificationRequest csr;
    private final PublicKey publicKey;
    private final SpiffeId identity;

    private SigningRequest(PKCS10CertificationRequest csr, PublicKey publicKey, SpiffeId identity) {
        this.csr = csr;
        this.publicKey = publicKey;
        this.identity = identity;
    }

    /** A CSR for {@code identity}, signed with the key pair's private key. */
    public static SigningRequest create(KeyPair keyPair, SpiffeId identity) {
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, true,
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, identity.toString())));
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name(new RDN[0]), keyPair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder(P256.signatureAlgorithm(keyPair.getPrivate())).build(keyPair.getPrivate()));
            return new SigningRequest(csr, keyPair.getPublic(), identity);
        } catch (IOException | OperatorCreationException e) {
            // Building a CSR from a key this JDK made cannot fail on input; this is a broken runtime.
            throw new IllegalStateException("cannot build a CSR", e);
        }
    }

    /**
     * Parses and checks a PEM CSR: its signature verifies with its own public key (proof of possession), the key
     * is EC P-256 or RSA of at least 2048 bits, and it requests exactly one URI SAN that is a SPIFFE ID.
     */
    public static SigningRequest parse(String pem) throws CredentialException {
        PKCS10CertificationRequest csr = Pem.parseCsr(pem, SOURCE);
        PublicKey publicKey = acceptableKey(csr);
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw new CredentialException(SOURCE + ": signature does not verify with the CSR's public key (no proof of possession)");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new CredentialException(SOURCE + ": signature cannot be checked: " + e.getMessage(), e);
        }
        return new SigningRequest(csr, publicKey, requestedIdentity(csr));
    }

    public SpiffeId identity() {
        return identity;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String toPem() {
        try {
            return Pem.block("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CSR", e);
        }
    }

    private static PublicKey acceptableKey(PKCS10CertificationRequest csr) throws CredentialException {
        AlgorithmIdentifier algorithm = csr.getSubjectPublicKeyInfo().getAlgorithm();
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
        } catch (IOException e) {
            throw new CredentialException(SOURCE + ": unreadable public key: " + e.getMessage(), e);
        }
        if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            if (!SECObjectIdentifiers.secp256r1.equals(algorithm.getParameters())) {
                throw new CredentialException(SOURCE + ": EC key on curve " + algorithm.getParameters() + "; only P-256 (secp256r1) is accepted");
            }
            return key;
        }
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new CredentialException(SOURCE + ": RSA key of " + rsa.getModulus().bitLength() + " bits; at least 2048 are required");
            }
            return key;
        }
        throw new CredentialException(SOURCE + ": key algorithm " + key.getAlgorithm() + " is not accepted; use EC P-256 or RSA");
    }

    private static SpiffeId requestedIdentity(PKCS10CertificationRequest csr) throws CredentialException {
        Extensions extensions = csr.getRequestedExtensions();
        GeneralNames names = extensions == null ? null : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        List<String> uris = new ArrayList<>();
        if (names != null) {
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    ASN1Encodable value = name.getName();
                    uris.add(value.toString());
                }
            }
        }
        if (uris.size() != 1) {
            throw new CredentialException(SOURCE + ": must request exactly one URI SAN (the SPIFFE ID), found " + uris.size());
        }
        try {
            return SpiffeId.parse(uris.getFirst());
        } catch (IllegalArgumentException e) {
            throw new CredentialException(SOURCE + ": requested URI SAN: " + e.getMessage(), e);
        }
    }
}
