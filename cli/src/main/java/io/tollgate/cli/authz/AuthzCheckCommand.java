package io.tollgate.cli.authz;

import io.tollgate.cli.ConfigFiles;
import io.tollgate.identity.SpiffeId;
import io.tollgate.model.load.LoadResult;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.Workload;
import io.tollgate.policy.compile.Compilation;
import io.tollgate.policy.compile.PolicyCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tollgate authz check}: the decision Istio's AuthorizationPolicies reach for one TCP connection to one
 * workload. A contract scripts call: exit 0 whatever the decision, 2 on invalid input; {@code --output json} prints
 * exactly {@code {"decision","policy","action","rule","reason"}}.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decide one TCP connection to one workload with the AuthorizationPolicies in the files.",
                "Exit 0 whatever the decision; 2 on invalid input (diagnostics on stderr)."})
public final class AuthzCheckCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles files;

    @Option(names = "--workload-namespace", required = true, paramLabel = "NS",
            description = "The namespace of the workload the policies protect (e.g. istio-system for the egress gateway).")
    String workloadNamespace;

    @Option(names = "--workload-label", paramLabel = "KEY=VALUE", description = "A label of that workload. Repeatable.")
    Map<String, String> workloadLabels = new LinkedHashMap<>();

    @Option(names = "--source-principal", paramLabel = "SPIFFE_ID",
            description = "The client's verified identity, spiffe://TRUST_DOMAIN/ns/NS/sa/SA. Absent: a plaintext peer.")
    String sourcePrincipal;

    @Option(names = "--source-ip", required = true, paramLabel = "IP", description = "The client's address.")
    String sourceIp;

    @Option(names = "--destination-ip", required = true, paramLabel = "IP", description = "The address the client connected to.")
    String destinationIp;

    @Option(names = "--destination-port", required = true, paramLabel = "PORT", description = "The port the client connected to.")
    int destinationPort;

    @Option(names = "--sni", paramLabel = "HOST", description = "The TLS server name the client sent.")
    String sni;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json", description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Connection connection = connection();
        LoadResult loaded = files.load(spec.commandLine().getErr());
        if (loaded.hasErrors()) {
            return 2;
        }
        Compilation compiled = new PolicyCompiler(loaded.resources().mesh()).compile(loaded.resources().authorizationPolicies());
        PrintWriter err = spec.commandLine().getErr();
        compiled.notes().forEach(note -> err.println(note.location() + ": warning: AuthorizationPolicy " + note.policy()
                + ": " + note.field() + ": " + note.message()));
        err.flush();
        Decision decision = compiled.engine().decide(new Workload(workloadNamespace, workloadLabels), connection);
        PrintWriter out = spec.commandLine().getOut();
        out.println(output == OutputFormat.json ? DecisionJson.of(decision) : DecisionText.of(decision));
        out.flush();
        return 0;
    }

    /** The connection from the flags; a bad value is a usage error (exit 2) naming the flag. */
    private Connection connection() {
        Peer peer = Peer.PLAINTEXT;
        if (sourcePrincipal != null) {
            try {
                peer = Peer.mtls(SpiffeId.parse(sourcePrincipal).toString());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--source-principal: " + e.getMessage());
            }
        }
        if (destinationPort < 1 || destinationPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--destination-port: " + destinationPort + " is not a port (1-65535)");
        }
        return Connection.of(peer, ip("--source-ip", sourceIp), ip("--destination-ip", destinationIp), destinationPort,
                sni == null ? "" : sni);
    }

    private IpAddress ip(String flag, String text) {
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), flag + ": " + e.getMessage());
        }
    }

    enum OutputFormat { text, json }
}
