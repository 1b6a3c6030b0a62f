package io.tollgate.bench.controlplane;

import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinTokens;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Makes the benchmark's CA before the control plane's cold start, as an installation does with
 * {@code tollgate ca init}: the control plane then opens an existing CA, as on every start but the first. It runs in
 * a JVM of its own, so that making the CA does not warm up the measured JVM's elliptic-curve code.
 */
public final class InitCa {
    private InitCa() {
    }

    /** Arguments: STATE_DIR TRUST_DOMAIN. */
    public static void main(String[] args) throws Exception {
        CaDirectory directory = new CaDirectory(Path.of(args[0]));
        CertificateAuthority ca = CertificateAuthority.initialize(directory, args[1], Optional.empty(),
                IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
        JoinTokens.open(directory, Fingerprint.of(ca.root()), Clock.systemUTC());
    }

    /** Runs {@link #main} in a child JVM with this one's class path; throws if it fails. */
    static void inChildJvm(Path stateDir, String trustDomain) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                InitCa.class.getName(), stateDir.toString(), trustDomain)).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("making the CA in " + stateDir + " failed: exit " + process.exitValue());
        }
    }
}
