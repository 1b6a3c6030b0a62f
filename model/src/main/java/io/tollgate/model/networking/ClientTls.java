package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;
import java.util.Optional;

/**
 * {@code trafficPolicy.tls}: how the client side originates TLS. ISTIO_MUTUAL uses the workload's own SPIFFE
 * certificate; {@code sni} is the server name sent (the egress gateway routes on it).
 *
 * @param mode DISABLE when the YAML leaves it out, as in Istio's proto
 */
public record ClientTls(Mode mode, Optional<String> clientCertificate, Optional<String> privateKey,
                        Optional<String> caCertificates, Optional<String> caCrl, Optional<String> credentialName,
                        List<String> subjectAltNames, Optional<String> sni, Optional<Boolean> insecureSkipVerify,
                        SourceLocation location) {
    public ClientTls {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public enum Mode { DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL }
}
