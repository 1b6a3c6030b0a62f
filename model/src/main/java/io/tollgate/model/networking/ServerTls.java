package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;
import java.util.Optional;

/**
 * {@code Gateway.spec.servers[i].tls}: how the gateway terminates (or passes through) TLS.
 * With ISTIO_MUTUAL the gateway presents its own workload certificate and requires the peer's.
 *
 * @param mode PASSTHROUGH when the YAML leaves it out, as in Istio's proto
 */
public record ServerTls(Mode mode, boolean httpsRedirect, Optional<String> serverCertificate,
                        Optional<String> privateKey, Optional<String> caCertificates, Optional<String> caCrl,
                        Optional<String> credentialName, List<String> credentialNames,
                        Optional<String> caCertCredentialName, List<TlsCertificate> tlsCertificates,
                        List<String> subjectAltNames, List<String> verifyCertificateSpki,
                        List<String> verifyCertificateHash, TlsVersion minProtocolVersion,
                        TlsVersion maxProtocolVersion, List<String> cipherSuites, List<String> ecdhCurves,
                        boolean insecureSkipVerify, SourceLocation location) {
    public ServerTls {
        credentialNames = List.copyOf(credentialNames);
        tlsCertificates = List.copyOf(tlsCertificates);
        subjectAltNames = List.copyOf(subjectAltNames);
        verifyCertificateSpki = List.copyOf(verifyCertificateSpki);
        verifyCertificateHash = List.copyOf(verifyCertificateHash);
        cipherSuites = List.copyOf(cipherSuites);
        ecdhCurves = List.copyOf(ecdhCurves);
    }

    public enum Mode { PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL, OPTIONAL_MUTUAL }

    /** {@code min/maxProtocolVersion}; TLS_AUTO when unset. */
    public enum TlsVersion { TLS_AUTO, TLSV1_0, TLSV1_1, TLSV1_2, TLSV1_3 }

    /** {@code tls.tlsCertificates[i]}: one of up to two server certificates. */
    public record TlsCertificate(Optional<String> serverCertificate, Optional<String> privateKey,
                                 Optional<String> caCertificates, SourceLocation location) {
    }
}
