package io.tollgate.policy.compile;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.authz.AuthorizationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.Literals.mesh;
import static io.tollgate.policy.compile.Literals.operation;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static io.tollgate.policy.compile.Literals.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every {@code authz-golden/<case>-out.txt} against the policies of {@code <case>-in.yaml} written here as
 * Java literals, line by line. Once the YAML loader is wired, a runner that loads {@code -in.yaml} itself replaces
 * the literals; the expected lines stay as they are.
 */
class GoldenCasesTest {
    record Case(String name, MeshConfig mesh, List<AuthorizationPolicy> policies) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static AuthorizationPolicy seed(AuthorizationPolicy.Action action, String namespace) {
        return SeedScenarioTest.stepSix(action, namespace);
    }

    private static List<String> l(String... values) {
        return List.of(values);
    }

    static final Map<String, Case> CASES = Stream.of(
            new Case("seed-deny-as-written", MeshConfig.DEFAULT, List.of(seed(AuthorizationPolicy.Action.DENY, "demo-frontend"))),
            new Case("seed-allow-as-written", MeshConfig.DEFAULT, List.of(seed(AuthorizationPolicy.Action.ALLOW, "demo-frontend"))),
            new Case("seed-deny-demo-server", MeshConfig.DEFAULT, List.of(seed(AuthorizationPolicy.Action.DENY, "demo-server"))),
            new Case("seed-allow-demo-server", MeshConfig.DEFAULT, List.of(seed(AuthorizationPolicy.Action.ALLOW, "demo-server"))),
            new Case("allow-nothing", MeshConfig.DEFAULT, List.of(
                    policy("payments", "allow-nothing").build(),
                    policy("payments", "app-to-db").selector("app=db").rule(rule(source("namespaces", l("app")))).build(),
                    policy("open", "allow-all").rule(rule()).build())),
            new Case("deny-before-allow", MeshConfig.DEFAULT, List.of(
                    policy("db", "allow-mesh-clients").rule(rule(source("principals", l("cluster.local/ns/*")),
                            operation("ports", l("3306")))).build(),
                    policy("db", "deny-legacy").deny().rule(rule(source("namespaces", l("legacy"))))
                            .rule(rule(source("ipBlocks", l("192.168.0.0/16"), "notIpBlocks", l("192.168.5.0/24")))).build())),
            new Case("http-only-on-tcp", MeshConfig.DEFAULT, List.of(
                    policy("shop", "allow-get").selector("app=catalog").rule(rule(source("namespaces", l("web")),
                            operation("methods", l("GET")))).build(),
                    policy("shop", "deny-post").selector("app=orders").deny().rule(rule(source("namespaces", l("web")),
                            operation("methods", l("POST"), "paths", l("/admin/*")))).build())),
            new Case("plaintext-peers", MeshConfig.DEFAULT, List.of(
                    policy("db", "allow-not-untrusted").selector("app=mysql")
                            .rule(rule(source("notNamespaces", l("untrusted")))).build(),
                    policy("db", "require-mtls").selector("app=postgres").deny().rule(rule(source("notPrincipals", l("*")))).build(),
                    policy("db", "deny-untrusted").selector("app=postgres").deny()
                            .rule(rule(source("namespaces", l("untrusted")))).build())),
            new Case("trust-domain-aliases", mesh("new-td", "old-td"), List.of(
                    policy("db", "allow-reporting").rule(rule(source("principals", l("old-td/ns/reporting/sa/reader",
                            "cluster.local/ns/ops/sa/admin", "partner.example/ns/feeds/sa/sync")))).build())),
            new Case("dry-run-and-audit", MeshConfig.DEFAULT, List.of(
                    policy("db", "try-deny-batch").deny().dryRun().rule(rule(source("namespaces", l("batch")))).build(),
                    policy("db", "audit-port-3306").audit().rule(rule(operation("ports", l("3306")))).build(),
                    policy("db", "deny-guest").deny().rule(rule(source("namespaces", l("guest")))).build())),
            new Case("root-namespace", MeshConfig.DEFAULT, List.of(
                    policy("istio-system", "deny-quarantine-to-databases").selector("tier=database").deny()
                            .rule(rule(source("namespaces", l("quarantine")))).build(),
                    policy("billing", "allow-own-namespace").rule(rule(source("namespaces", l("billing", "quarantine")))).build())),
            new Case("tcp-conditions", MeshConfig.DEFAULT, List.of(
                    policy("istio-system", "egress-by-sni").selector("istio=egressgateway")
                            .rule(rule(source("namespaces", l("demo-server")),
                                    when("connection.sni", "*.mysql.xxxx.rds.aliyuncs.com"), when("destination.port", "13306")))
                            .rule(rule(when("source.ip", l("10.244.0.0/16"), l("10.244.9.0/24")),
                                    when("destination.ip", "10.96.0.20"), when("source.principal", "cluster.local/ns/ops/sa/*")))
                            .build())),
            new Case("ip-blocks", MeshConfig.DEFAULT, List.of(
                    policy("db", "allow-office")
                            .rule(rule(source("ipBlocks", l("198.51.100.0/24", "2001:db8:1::/48", "203.0.113.7"))))
                            .rule(rule(source("remoteIpBlocks", l("192.0.2.0/24")))).build())),
            new Case("identities", MeshConfig.DEFAULT, List.of(
                    policy("db", "allow-identities")
                            .rule(rule(source("principals", l("cluster.local/ns/app/sa/api", "*/sa/backup"))))
                            .rule(rule(source("serviceAccounts", l("reports/reader", "migrator"))))
                            .rule(rule(source("namespaces", l("team-*"), "notNamespaces", l("team-sandbox")))).build()))
    ).collect(Collectors.toMap(Case::name, c -> c));

    static Path folder() throws URISyntaxException {
        return Path.of(GoldenCasesTest.class.getResource("/authz-golden").toURI());
    }

    static Stream<Case> cases() {
        return CASES.values().stream().sorted(Comparator.comparing(Case::name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void literalPoliciesGiveTheExpectedDecisions(Case c) throws Exception {
        AuthorizationEngine engine = new PolicyCompiler(c.mesh()).compile(c.policies()).engine();
        List<GoldenQuery> queries = GoldenQuery.read(folder().resolve(c.name() + "-out.txt"));

        assertThat(queries).isNotEmpty();
        for (GoldenQuery query : queries) {
            assertThat(engine.decide(query.workload(), query.connection()).summary())
                    .as("%s-out.txt:%d", c.name(), query.line()).isEqualTo(query.expected());
        }
    }

    @Test
    void everyGoldenCaseHasItsLiteralEquivalentAndItsThreeFiles() throws Exception {
        Set<String> inFiles;
        try (Stream<Path> files = Files.list(folder())) {
            inFiles = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-in.yaml"))
                    .map(n -> n.substring(0, n.length() - "-in.yaml".length())).collect(Collectors.toSet());
        }

        assertThat(inFiles).containsExactlyInAnyOrderElementsOf(CASES.keySet());
        for (String name : inFiles) {
            assertThat(folder().resolve(name + "-out.txt")).exists();
        }
    }

    @Test
    void meshFilesMatchTheLiteralMeshConfigs() throws IOException, URISyntaxException {
        String mesh = Files.readString(folder().resolve("trust-domain-aliases-mesh.yaml"));

        assertThat(mesh).contains("trustDomain: new-td").contains("- old-td");
        assertThat(CASES.get("trust-domain-aliases").mesh().trustDomainAliases()).containsExactly("old-td");
    }
}
