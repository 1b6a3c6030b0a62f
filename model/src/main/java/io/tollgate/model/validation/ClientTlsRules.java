package io.tollgate.model.validation;

import io.tollgate.model.networking.ClientTls;
import io.tollgate.model.networking.ClientTls.Mode;

/** Istio's {@code ValidateTLS} for a DestinationRule's client-side {@code tls}. */
final class ClientTlsRules {
    private ClientTlsRules() {
    }

    static void check(ClientTls tls, FieldPath at, Findings findings) {
        if (tls.insecureSkipVerify().orElse(false)) {
            if (tls.mode() == Mode.SIMPLE && (tls.caCertificates().isPresent() || tls.credentialName().isPresent()
                    || !tls.subjectAltNames().isEmpty())) {
                findings.error(at.field("insecureSkipVerify"), "cannot specify caCertificates or credentialName or "
                        + "subjectAltNames when insecureSkipVerify is set true");
            }
            if (tls.mode() == Mode.MUTUAL && (tls.caCertificates().isPresent() || !tls.subjectAltNames().isEmpty())) {
                findings.error(at.field("insecureSkipVerify"), "cannot specify caCertificates or subjectAltNames when "
                        + "insecureSkipVerify is set true");
            }
        }
        if ((tls.mode() == Mode.SIMPLE || tls.mode() == Mode.MUTUAL) && tls.credentialName().isPresent()) {
            if (tls.clientCertificate().isPresent() || tls.caCertificates().isPresent() || tls.privateKey().isPresent()
                    || tls.caCrl().isPresent()) {
                findings.error(at.field("credentialName"), "cannot specify client certificates or CA certificate or "
                        + "CA CRL if credentialName is set");
            }
            return;
        }
        if (tls.mode() == Mode.MUTUAL) {
            if (tls.clientCertificate().isEmpty()) {
                findings.error(at.field("clientCertificate"), "client certificate required for mutual tls");
            }
            if (tls.privateKey().isEmpty()) {
                findings.error(at.field("privateKey"), "private key required for mutual tls");
            }
        }
    }
}
