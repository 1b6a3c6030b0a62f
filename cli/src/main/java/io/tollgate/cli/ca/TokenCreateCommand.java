package io.tollgate.cli.ca;

import io.tollgate.cli.DurationConverter;
import io.tollgate.cli.CommandFailure;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.AttestationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code tollgate token create}: mints a join token; the token is the last line printed, for scripts. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Mint a single-use join token for one workload identity, signed with the key in the state directory.",
                "The token is the last line of the output: TOKEN=$(tollgate token create ... | tail -n1)"})
final class TokenCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", required = true, paramLabel = "DIR", description = "The control plane's state directory.")
    Path stateDir;

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "The workload's namespace.")
    String namespace;

    @Option(names = "--service-account", required = true, paramLabel = "SA", description = "The workload's service account.")
    String serviceAccount;

    @Option(names = "--ttl", defaultValue = "1h", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long the token may be used (default: ${DEFAULT-VALUE}, at most 7d).")
    Duration ttl;

    @Override
    public Integer call() {
        return CommandFailure.run(spec, () -> {
            CaDirectory directory = new CaDirectory(stateDir);
            try {
                CertificateAuthority ca = CertificateAuthority.load(directory, IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
                SpiffeId identity = new SpiffeId(ca.trustDomain(), namespace, serviceAccount);
                String token = JoinTokens.open(directory, Fingerprint.of(ca.root()), Clock.systemUTC()).mint(identity, ttl);
                JoinToken claims = JoinToken.readClaims(token);
                PrintWriter out = spec.commandLine().getOut();
                out.println("identity: " + claims.identity());
                out.println("expires:  " + claims.expiresAt() + " (single use)");
                out.println("CA root:  " + claims.caRoot());
                out.println(token);
                out.flush();
                return 0;
            } catch (CredentialException | IllegalArgumentException e) {
                throw CommandFailure.badInput(e.getMessage());
            } catch (AttestationException e) {
                throw new IllegalStateException("a token just minted does not read back", e);
            }
        });
    }
}
