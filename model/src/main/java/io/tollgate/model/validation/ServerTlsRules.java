package io.tollgate.model.validation;

import io.tollgate.model.networking.ServerTls;
import io.tollgate.model.networking.ServerTls.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Istio's {@code validateTLSOptions} and the CRD's rules for a Gateway server's {@code tls}. */
final class ServerTlsRules {
    /** BoringSSL's cipher names that Istio accepts ({@code pkg/config/security} ValidCipherSuites). */
    private static final Set<String> CIPHER_SUITES = Set.of("ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-ECDSA-AES128-SHA",
            "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES256-SHA", "AES128-GCM-SHA256",
            "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA");

    private ServerTlsRules() {
    }

    static void check(ServerTls tls, FieldPath at, Findings findings) {
        if (tls.credentialNames().size() > 2) {
            findings.error(at.field("credentialNames"), "at most 2 credentialNames are allowed");
        }
        if (tls.tlsCertificates().size() > 2) {
            findings.error(at.field("tlsCertificates"), "at most 2 tlsCertificates are allowed");
        }
        if ((tls.minProtocolVersion() == ServerTls.TlsVersion.TLSV1_0 || tls.minProtocolVersion() == ServerTls.TlsVersion.TLSV1_1)
                && tls.cipherSuites().isEmpty()) {
            findings.warning(at.field("minProtocolVersion"), "TLS version below TLSV1_2 require setting compatible "
                    + "ciphers as by default they no longer include compatible ciphers.");
        }
        ciphers(tls.cipherSuites(), at.field("cipherSuites"), findings);
        boolean anyCertificate = tls.serverCertificate().isPresent() || tls.privateKey().isPresent()
                || tls.caCertificates().isPresent() || !tls.tlsCertificates().isEmpty()
                || tls.credentialName().isPresent() || !tls.credentialNames().isEmpty();
        if (tls.mode() == Mode.ISTIO_MUTUAL) {
            istioMutual(tls, at, findings);
            return;
        }
        if ((tls.mode() == Mode.PASSTHROUGH || tls.mode() == Mode.AUTO_PASSTHROUGH) && (anyCertificate || tls.caCrl().isPresent())) {
            findings.warning(at, tls.mode() + " mode does not use certificates, they will be ignored");
        }
        int sources = (tls.serverCertificate().isPresent() && tls.privateKey().isPresent() ? 1 : 0)
                + (tls.credentialName().isPresent() ? 1 : 0) + (tls.credentialNames().isEmpty() ? 0 : 1)
                + (tls.tlsCertificates().isEmpty() ? 0 : 1);
        if (sources > 1) {
            findings.error(at, "only one of credentialName, credentialNames, serverCertificate/privateKey, "
                    + "tlsCertificates should be specified");
        }
        boolean terminates = tls.mode() == Mode.SIMPLE || tls.mode() == Mode.MUTUAL || tls.mode() == Mode.OPTIONAL_MUTUAL;
        boolean remoteCredential = tls.credentialName().isPresent() || !tls.credentialNames().isEmpty();
        if (terminates && !remoteCredential) {
            String prefix = tls.mode() == Mode.SIMPLE ? "SIMPLE TLS" : "MUTUAL TLS";
            if (tls.mode() != Mode.SIMPLE && tls.caCertificates().isEmpty()) {
                findings.error(at.field("caCertificates"), prefix + " requires a client CA bundle");
            }
            List<CertificateAndKey> certificates = new ArrayList<>();
            if (tls.tlsCertificates().isEmpty()) {
                certificates.add(new CertificateAndKey(tls.serverCertificate(), tls.privateKey()));
            } else {
                tls.tlsCertificates().forEach(c -> certificates.add(new CertificateAndKey(c.serverCertificate(), c.privateKey())));
            }
            for (CertificateAndKey pair : certificates) {
                if (pair.certificate().isEmpty()) {
                    findings.error(at.field("serverCertificate"), prefix + " requires a server certificate");
                }
                if (pair.key().isEmpty()) {
                    findings.error(at.field("privateKey"), prefix + " requires a private key");
                }
            }
        }
        if (tls.caCrl().isPresent() && tls.credentialName().isPresent()) {
            findings.error(at.field("caCrl"), "CRL is not supported with credentialName. CRL has to be specified in the credential");
        }
        if (tls.caCrl().isPresent() && tls.mode() == Mode.SIMPLE && !remoteCredential) {
            findings.error(at.field("caCrl"), "CRL is not supported with SIMPLE TLS");
        }
    }

    private static void istioMutual(ServerTls tls, FieldPath at, Findings findings) {
        // ISTIO_MUTUAL uses the workload's own certificate and the mesh's CA: any other source is a contradiction.
        tls.serverCertificate().ifPresent(v -> findings.error(at.field("serverCertificate"), "ISTIO_MUTUAL TLS cannot have associated server certificate"));
        tls.privateKey().ifPresent(v -> findings.error(at.field("privateKey"), "ISTIO_MUTUAL TLS cannot have associated private key"));
        tls.caCertificates().ifPresent(v -> findings.error(at.field("caCertificates"), "ISTIO_MUTUAL TLS cannot have associated CA bundle"));
        if (!tls.tlsCertificates().isEmpty()) {
            findings.error(at.field("tlsCertificates"), "ISTIO_MUTUAL TLS cannot have associated tlsCertificates");
        }
        tls.credentialName().ifPresent(v -> findings.error(at.field("credentialName"), "ISTIO_MUTUAL TLS cannot have associated credentialName"));
        if (!tls.credentialNames().isEmpty()) {
            findings.error(at.field("credentialNames"), "ISTIO_MUTUAL TLS cannot have associated credentialNames");
        }
    }

    private static void ciphers(List<String> suites, FieldPath at, Findings findings) {
        Set<String> invalid = new TreeSet<>();
        Set<String> valid = new TreeSet<>();
        Set<String> duplicate = new TreeSet<>();
        for (String suite : suites) {
            boolean ok = suite.isEmpty() || suite.equals("ALL") || !Character.isLetterOrDigit(suite.charAt(0))
                    || CIPHER_SUITES.contains(suite);
            if (!ok) {
                invalid.add(suite);
            } else if (!valid.add(suite)) {
                duplicate.add(suite);
            }
        }
        if (!invalid.isEmpty()) {
            findings.warning(at, "ignoring invalid cipher suites: " + invalid);
        }
        if (!duplicate.isEmpty()) {
            findings.warning(at, "ignoring duplicate cipher suites: " + duplicate);
        }
    }

    private record CertificateAndKey(Optional<String> certificate, Optional<String> key) {
    }
}
