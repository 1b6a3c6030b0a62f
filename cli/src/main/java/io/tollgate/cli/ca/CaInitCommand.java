package io.tollgate.cli.ca;

import io.tollgate.cli.CommandFailure;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tollgate ca init}: makes the state directory a CA (or shows the one it already is). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the mesh CA in a state directory (a new root, or a plug-in CA).",
                "Without --cacerts: a new ECDSA P-256 self-signed root. With it: Istio's cacerts layout (ca-cert.pem,",
                "ca-key.pem, root-cert.pem, cert-chain.pem), signing as that intermediate. Also makes the join-token key.",
                "Running it again on an initialised directory changes nothing and prints the same facts."})
final class CaInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", required = true, paramLabel = "DIR", description = "The control plane's state directory (created mode 0700).")
    Path stateDir;

    @Option(names = "--trust-domain", defaultValue = "cluster.local", paramLabel = "DOMAIN",
            description = "The mesh trust domain (default: ${DEFAULT-VALUE}, as Istio's).")
    String trustDomain;

    @Option(names = "--cacerts", paramLabel = "DIR", description = "Sign as this plug-in intermediate CA instead of a new root.")
    Path cacerts;

    @Override
    public Integer call() {
        return CommandFailure.run(spec, () -> {
            CaDirectory directory = new CaDirectory(stateDir);
            try {
                boolean existed = directory.trustDomain().isPresent();
                CertificateAuthority ca = CertificateAuthority.initialize(directory, trustDomain, Optional.ofNullable(cacerts),
                        IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
                JoinTokens.open(directory, Fingerprint.of(ca.root()), Clock.systemUTC());
                print(spec.commandLine().getOut(), directory, ca, existed);
                return 0;
            } catch (CredentialException e) {
                throw CommandFailure.badInput(e.getMessage());
            }
        });
    }

    private static void print(PrintWriter out, CaDirectory directory, CertificateAuthority ca, boolean existed) {
        boolean plugIn = ca.origin() == CertificateAuthority.Origin.PLUG_IN_INTERMEDIATE;
        out.println((existed ? "CA already initialised in " : "initialised CA in ") + directory.path()
                + " (" + (plugIn ? "plug-in intermediate" : "self-signed root") + ", trust domain " + ca.trustDomain() + ")");
        if (plugIn) {
            out.println("signing certificate: " + directory.cacerts().resolve("ca-cert.pem"));
            out.println("signing key:         " + directory.cacerts().resolve("ca-key.pem") + " (mode 0600)");
            out.println("root certificate:    " + directory.cacerts().resolve("root-cert.pem"));
        } else {
            out.println("root certificate:    " + directory.rootCert());
            out.println("root key:            " + directory.rootKey() + " (mode 0600)");
        }
        out.println("join-token key:      " + directory.joinTokenKey() + " (mode 0600)");
        out.println("root fingerprint:    " + Fingerprint.of(ca.root()));
        out.flush();
    }
}
