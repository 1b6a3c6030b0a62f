package io.tollgate.cli.ca;

import io.tollgate.cli.DurationConverter;
import io.tollgate.cli.CommandFailure;
import io.tollgate.controlplane.ca.CertificateClient;
import io.tollgate.controlplane.ca.CertificateRequestException;
import io.tollgate.identity.AttestationException;
import io.tollgate.identity.CredentialDirectory;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.WorkloadCredentials;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tollgate cert request}: spends a join token on a workload certificate. The key is made here and written
 * only to {@code key.pem} (0600); the control plane is trusted by the root fingerprint inside the token.
 */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = {"Get a workload certificate with a join token. Makes the key locally and writes",
                "DIR/key.pem (0600), DIR/cert-chain.pem and DIR/root-cert.pem."})
final class CertRequestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--control-plane", required = true, paramLabel = "HOST:PORT", description = "The control plane's signing service.")
    String controlPlane;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenSource token;

    static final class TokenSource {
        @Option(names = "--token", paramLabel = "TOKEN", description = "The join token (visible to other local users in the process list).")
        String value;

        @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the join token.")
        Path file;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the credentials to.")
    Path out;

    @Option(names = "--ttl", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Certificate lifetime to ask for (default: the CA's, usually 24h).")
    Duration ttl;

    @Override
    public Integer call() {
        return CommandFailure.run(spec, () -> {
            String text = tokenText();
            JoinToken claims;
            try {
                claims = JoinToken.readClaims(text);
            } catch (AttestationException e) {
                throw CommandFailure.badInput(e.getMessage());
            }
            WorkloadCredentials credentials;
            try {
                credentials = CertificateClient.withToken(controlPlane, claims, Clock.systemUTC()).request(text, Optional.ofNullable(ttl));
            } catch (CertificateRequestException e) {
                int code = e.kind() == CertificateRequestException.Kind.REFUSED ? CommandFailure.BAD_INPUT : CommandFailure.FAILED;
                throw new CommandFailure(code, e.getMessage());
            }
            try {
                CredentialDirectory.write(out, credentials);
            } catch (IOException e) {
                throw new CommandFailure(CommandFailure.FAILED, out + ": cannot write the credentials: " + e);
            }
            PrintWriter printer = spec.commandLine().getOut();
            printer.println("identity:    " + credentials.identity());
            printer.println("serial:      " + credentials.serialHex());
            printer.println("valid:       " + credentials.notBefore() + " .. " + credentials.notAfter());
            printer.println("key:         " + out.resolve(CredentialDirectory.KEY) + " (mode 0600)");
            printer.println("chain:       " + out.resolve(CredentialDirectory.CERT_CHAIN));
            printer.println("root:        " + out.resolve(CredentialDirectory.ROOT_CERT));
            printer.flush();
            return 0;
        });
    }

    private String tokenText() throws CommandFailure {
        if (token.value != null) {
            return token.value.strip();
        }
        try {
            return Files.readString(token.file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw CommandFailure.badInput(token.file + ": cannot read the token: " + e);
        }
    }
}
