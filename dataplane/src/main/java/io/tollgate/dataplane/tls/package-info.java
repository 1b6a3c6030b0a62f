/**
 * Mesh TLS for both proxies: TLS 1.3 on BoringSSL (netty-tcnative), peers authenticated by SPIFFE ID rather than
 * host name. {@link io.tollgate.dataplane.tls.MeshServerTls} and {@link io.tollgate.dataplane.tls.MeshClientTls}
 * hold the current {@code SslContext} and swap it on credential rotation: new connections get the newest
 * credentials, open ones keep theirs. Who counts as a peer is the {@link io.tollgate.dataplane.tls.PeerAuthenticator}'s
 * call, which the identity module provides.
 */
package io.tollgate.dataplane.tls;
