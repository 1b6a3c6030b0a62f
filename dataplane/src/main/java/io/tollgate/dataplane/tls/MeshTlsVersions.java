package io.tollgate.dataplane.tls;

/** Mesh connections are TLS 1.3 only: both ends are ours, so there is no older peer to accommodate. */
final class MeshTlsVersions {
    static final String[] PROTOCOLS = {"TLSv1.3"};

    private MeshTlsVersions() {
    }
}
