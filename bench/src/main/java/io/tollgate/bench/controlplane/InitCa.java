package io.tollgate.bench.controlplane;

import io.tollgate.identity.AttestedIdentity;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialDirectory;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.P256;
import io.tollgate.identity.SigningRequest;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the benchmark's CA before the control plane's cold start, as an installation does with
 * {@code tollgate ca init}: the control plane then opens an existing CA, as on every start but the first. For a
 * start with proxies already waiting it also issues each proxy's credentials, in the layout
 * {@code tollgate cert request --out} writes, as proxies that ran before hold them. It runs in a JVM of its own,
 * so that this elliptic-curve work does not warm up the measured JVM.
 */
public final class InitCa {
    private InitCa() {
    }

    /**
     * Arguments: STATE_DIR TRUST_DOMAIN [CREDENTIALS_DIR NAMESPACE/SERVICE_ACCOUNT...]: the I-th identity's
     * credentials go to CREDENTIALS_DIR/I.
     */
    public static void main(String[] args) throws Exception {
        CaDirectory directory = new CaDirectory(Path.of(args[0]));
        CertificateAuthority ca = CertificateAuthority.initialize(directory, args[1], Optional.empty(),
                IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
        JoinTokens.open(directory, Fingerprint.of(ca.root()), Clock.systemUTC());
        for (int i = 3; i < args.length; i++) {
            String[] who = args[i].split("/", 2);
            SpiffeId id = new SpiffeId(args[1], who[0], who[1]);
            KeyPair key = P256.generate();
            List<X509Certificate> chain = ca.sign(SigningRequest.create(key, id), new AttestedIdentity(id, "benchmark set-up"),
                    Optional.empty());
            CredentialDirectory.write(Files.createDirectories(Path.of(args[2]).resolve(Integer.toString(i - 3))),
                    new WorkloadCredentials(key.getPrivate(), chain, ca.trustBundle()));
        }
    }

    /**
     * Runs {@link #main} in a child JVM on {@code classPath}; with {@code credentials} (else null) it also issues
     * credentials for {@code identities} there. Throws if it fails.
     */
    static void inChildJvm(String classPath, Path stateDir, String trustDomain, Path credentials, List<String> identities)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath,
                InitCa.class.getName(), stateDir.toString(), trustDomain));
        if (credentials != null) {
            command.add(credentials.toString());
            command.addAll(identities);
        }
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("making the CA in " + stateDir + " failed: exit " + process.exitValue());
        }
    }
}
