package io.tollgate.cli.ca;

import io.tollgate.cli.CommandFailure;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.Pem;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.SubjectAltNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tollgate ca inspect FILE}: what a PEM certificate (or each one of a chain) says, in a few lines. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show each certificate in a PEM file: identity (SPIFFE URI SAN), subject, issuer, validity, SHA-256 fingerprint.")
final class CaInspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A PEM file of one or more certificates (e.g. cert-chain.pem).")
    Path file;

    @Override
    public Integer call() {
        return CommandFailure.run(spec, () -> {
            List<X509Certificate> certificates;
            try {
                certificates = Pem.readCertificates(file);
            } catch (CredentialException e) {
                throw CommandFailure.badInput(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            for (int i = 0; i < certificates.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.println(file + ": certificate " + (i + 1) + " of " + certificates.size());
                describe(out, certificates.get(i), now);
            }
            out.flush();
            return 0;
        });
    }

    private static void describe(PrintWriter out, X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String state = now.isBefore(notBefore) ? "not yet valid" : now.isAfter(notAfter) ? "EXPIRED" : "valid now";
        String subject = certificate.getSubjectX500Principal().getName();
        out.println("  identity:    " + identity(certificate));
        out.println("  SANs:        " + sans(certificate));
        out.println("  subject:     " + (subject.isEmpty() ? "(empty)" : subject));
        out.println("  issuer:      " + certificate.getIssuerX500Principal().getName());
        out.println("  validity:    " + notBefore + " .. " + notAfter + " (" + state + ")");
        out.println("  CA:          " + (certificate.getBasicConstraints() >= 0 ? "yes" : "no"));
        out.println("  serial:      " + certificate.getSerialNumber().toString(16));
        out.println("  fingerprint: " + Fingerprint.of(certificate));
    }

    private static String identity(X509Certificate certificate) {
        try {
            List<String> uris = SubjectAltNames.uris(certificate);
            if (uris.size() != 1) {
                return "(none: " + uris.size() + " URI SANs; a workload identity is exactly one)";
            }
            return SpiffeId.parse(uris.getFirst()).toString();
        } catch (CertificateParsingException | IllegalArgumentException e) {
            return "(none: " + e.getMessage() + ")";
        }
    }

    private static String sans(X509Certificate certificate) {
        try {
            List<String> names = SubjectAltNames.describe(certificate);
            return names.isEmpty() ? "(none)" : String.join(", ", names);
        } catch (CertificateParsingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
