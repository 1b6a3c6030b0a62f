package io.tollgate.dataplane.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a proxy needs for mesh TLS at one moment: its own key and certificate chain (leaf first), and how to judge
 * peers (which carries the trust bundle). Rotation replaces the whole record at once.
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> certificateChain, PeerAuthenticator peers) {
    public TlsIdentity {
        if (privateKey == null || peers == null) {
            throw new IllegalArgumentException("a TLS identity needs a private key and a peer authenticator");
        }
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least the leaf certificate");
        }
    }

    /**
     * Reads PEM text: the certificate chain (leaf first) and an unencrypted PKCS#8 private key.
     *
     * @throws IllegalArgumentException naming which of the two is wrong and how
     */
    public static TlsIdentity fromPem(String certificateChainPem, String privateKeyPem, PeerAuthenticator peers) {
        return new TlsIdentity(Pem.privateKey(privateKeyPem), Pem.certificates(certificateChainPem), peers);
    }

    X509Certificate[] chainArray() {
        return certificateChain.toArray(X509Certificate[]::new);
    }
}
