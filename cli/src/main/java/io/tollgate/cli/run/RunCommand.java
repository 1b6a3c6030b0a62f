package io.tollgate.cli.run;

import io.tollgate.cli.local.PodIdentity;
import io.tollgate.cli.local.PodSession;
import io.tollgate.cli.local.PodSessionException;
import io.tollgate.cli.local.Superuser;
import io.tollgate.dataplane.observe.AccessLog;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tollgate run}: COMMAND in a fresh pod of the running local mesh, with its sidecar; returns COMMAND's exit
 * status. The terminal passes through, so an interactive {@code mysql} works. The pod goes when COMMAND ends, on
 * Ctrl-C too.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run COMMAND in a pod of the local mesh (`tollgate up`), its TCP captured by its sidecar.",
                "The pod is its own network namespace; all its outbound TCP goes through the sidecar. Exits with COMMAND's status. Needs root."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "The pod's namespace.")
    String namespace;

    @Option(names = "--service-account", defaultValue = PodIdentity.DEFAULT_SERVICE_ACCOUNT, paramLabel = "SA",
            description = "The pod's service account (its SPIFFE identity). Default: ${DEFAULT-VALUE}.")
    String serviceAccount;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label of the pod. Repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The running mesh's state directory. Default: /run/tollgate as root, else ~/.tollgate.")
    Path stateDir;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after `--`.")
    List<String> command = new ArrayList<>();

    @Option(names = "--verbose", description = "Show the sidecar's log and access log on stderr.")
    boolean verbose;

    @Override
    public Integer call() {
        if (!verbose) {
            // The terminal belongs to COMMAND: only warnings. Read by slf4j-simple when the first logger is made.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (!Superuser.isRoot()) {
            spec.commandLine().getErr().println("tollgate run: needs root: a pod is a network namespace with iptables rules;"
                    + " run it as root (e.g. sudo tollgate run ...)");
            return 1;
        }
        PodIdentity who = new PodIdentity(namespace, serviceAccount, labels);
        try (PodSession session = PodSession.start(Superuser.stateDirectory(stateDir), who,
                AccessLog.to(LoggerFactory.getLogger("tollgate.sidecar.access")))) {
            return session.pod().exec(command);
        } catch (PodSessionException e) {
            spec.commandLine().getErr().println("tollgate run: " + e.getMessage());
            return e.badInput() ? 2 : 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("tollgate run: " + e.getMessage());
            return 1;
        }
    }
}
