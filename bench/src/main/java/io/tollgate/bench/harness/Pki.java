package io.tollgate.bench.harness;

import java.nio.file.Path;

/**
 * The certificates {@code bench/lib/gen-certs.sh} made for this run: one ECDSA P-256 CA and three SPIFFE
 * identities. Every arm's proxies and probes use these files, so the TLS work is the same in every arm.
 */
record Pki(Path dir) {
    static final String TRUST_DOMAIN = "cluster.local";
    /** The workload's identity: the sidecar's certificate, the one the gateway admits. */
    static final String SIDECAR_ID = "spiffe://cluster.local/ns/demo-server/sa/default";
    static final String GATEWAY_ID = "spiffe://cluster.local/ns/istio-system/sa/istio-egressgateway-service-account";
    /** Same CA, another namespace: a valid certificate with the wrong identity, which the gateway must refuse. */
    static final String INTRUDER_ID = "spiffe://cluster.local/ns/demo-frontend/sa/default";
    static final char[] P12_PASSWORD = "bench".toCharArray();

    enum Identity {
        SIDECAR("sidecar"), GATEWAY("gateway"), INTRUDER("intruder");

        private final String file;

        Identity(String file) {
            this.file = file;
        }
    }

    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** Certificate followed by its private key, the form HAProxy's {@code crt} takes. */
    Path pem(Identity identity) {
        return dir.resolve(identity.file + ".pem");
    }

    Path certificate(Identity identity) {
        return dir.resolve(identity.file + ".crt");
    }

    Path privateKey(Identity identity) {
        return dir.resolve(identity.file + ".key");
    }

    Path pkcs12(Identity identity) {
        return dir.resolve(identity.file + ".p12");
    }
}
