package io.tollgate.cli.authz;

import io.tollgate.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tollgate authz check} on the seed walk-through's own files (examples/seed, a copy of ../shared/seed), as issue 2 states the cases:
 * a demo-server client reaching the egress gateway on 13306 under each form of step 6's policy.
 */
class AuthzCheckCommandTest {
    private static final Path SEED = Path.of("../examples/seed").toAbsolutePath().normalize();
    private static final String POLICY = "06-authorization-policy.yaml";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run tollgate(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The seed directory copied, with step 6's action and namespace replaced. */
    private Path seedWith(String action, String namespace) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(action + "-" + namespace));
        try (var files = Files.list(SEED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        String policy = Files.readString(SEED.resolve(POLICY))
                .replace("action: DENY", "action: " + action).replace("- demo-frontend", "- " + namespace);
        Files.writeString(copy.resolve(POLICY), policy);
        return copy;
    }

    private static List<String> checkArgs(Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of("authz", "check", "-f", config.toString(),
                "--mesh-config", config.resolve("mesh-config.yaml").toString(),
                "--workload-namespace", "istio-system", "--workload-label", "istio=egressgateway",
                "--source-principal", "spiffe://cluster.local/ns/demo-server/sa/default",
                "--source-ip", "127.240.0.1", "--destination-ip", "127.0.0.1", "--destination-port", "13306"));
        args.addAll(List.of(extra));
        return args;
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "DENY,  demo-frontend, ALLOW, null,                                  null,    null",
            "ALLOW, demo-frontend, DENY,  null,                                  null,    null",
            "DENY,  demo-server,   DENY,  '\"istio-system/egress-rds-by-namespace\"', '\"DENY\"',  0",
            "ALLOW, demo-server,   ALLOW, '\"istio-system/egress-rds-by-namespace\"', '\"ALLOW\"', 0",
    })
    void seedCasesAsJson(String action, String namespace, String decision, String policy, String ruleAction, String rule)
            throws IOException {
        Run run = tollgate(checkArgs(seedWith(action, namespace), "--output", "json"));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).startsWith("{\"decision\":\"" + decision + "\",\"policy\":" + policy
                + ",\"action\":" + ruleAction + ",\"rule\":" + rule + ",\"reason\":\"").endsWith("\"}");
    }

    @Test
    void textOutputSaysTheDecisionAndWhy() throws IOException {
        Run run = tollgate(checkArgs(seedWith("DENY", "demo-server")));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("DENY: ").contains("istio-system/egress-rds-by-namespace");
    }

    @Test
    void aPlaintextPeerIsNotDeniedByANamespaceDeny() throws IOException {
        List<String> args = checkArgs(seedWith("DENY", "demo-server"), "--output", "json");
        int at = args.indexOf("--source-principal");
        args.remove(at + 1);
        args.remove(at);

        Run run = tollgate(args);

        assertThat(run.out()).startsWith("{\"decision\":\"ALLOW\",\"policy\":null");
    }

    @Test
    void aMisspeltFieldExitsTwoNamingFileAndLine() throws IOException {
        Path config = seedWith("DENY", "demo-server");
        Files.writeString(config.resolve(POLICY), Files.readString(config.resolve(POLICY)).replace("namespaces:", "namespace:"));

        Run run = tollgate(checkArgs(config));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(config.resolve(POLICY) + ":17: AuthorizationPolicy istio-system/egress-rds-by-namespace: ")
                .contains("namespace");
    }

    @Test
    void aPrincipalThatIsNotASpiffeIdIsAUsageError() throws IOException {
        List<String> args = checkArgs(seedWith("DENY", "demo-server"));
        args.set(args.indexOf("--source-principal") + 1, "cluster.local/ns/demo-server/sa/default");

        Run run = tollgate(args);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--source-principal").contains("spiffe://");
    }

    @Test
    void aBadAddressIsAUsageError() throws IOException {
        List<String> args = checkArgs(seedWith("DENY", "demo-server"));
        args.set(args.indexOf("--source-ip") + 1, "300.1.2.3");

        assertThat(tollgate(args).exit()).isEqualTo(2);
    }
}
