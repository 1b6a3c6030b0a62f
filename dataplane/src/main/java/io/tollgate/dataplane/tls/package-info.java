/**
 * Mesh TLS for both proxies: TLS 1.3 on BoringSSL (netty-tcnative), peers judged by the identity module
 * ({@link io.tollgate.identity.PeerVerifier} inside its {@link io.tollgate.identity.SpiffeTrustManager}) by SPIFFE
 * ID rather than host name. {@link io.tollgate.dataplane.tls.MeshServerTls} and
 * {@link io.tollgate.dataplane.tls.MeshClientTls} take their credentials from a supplier (a
 * {@code CredentialRotator::current}), so new connections get the newest credentials and open ones keep theirs.
 * {@link io.tollgate.dataplane.tls.HandshakeFailure} turns a failed handshake into a metric label.
 */
package io.tollgate.dataplane.tls;
