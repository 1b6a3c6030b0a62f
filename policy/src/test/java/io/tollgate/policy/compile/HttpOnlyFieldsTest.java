package io.tollgate.policy.compile;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.authz.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.DecisionOrderTest.FROM_BAR;
import static io.tollgate.policy.compile.DecisionOrderTest.WORKLOAD;
import static io.tollgate.policy.compile.Literals.decide;
import static io.tollgate.policy.compile.Literals.operation;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static io.tollgate.policy.compile.Literals.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP-only fields on a TCP connection (istio.io AuthorizationPolicy reference, and the "TCP traffic" task:
 * "if the policy is ALLOW, the rule is ignored; if it is DENY, only the HTTP-only fields are ignored"). Istio
 * {@code model.go checkError}: an ALLOW rule that needs HTTP never matches; a DENY or AUDIT rule drops the field and
 * matches more. Both are the fail-closed choice.
 */
class HttpOnlyFieldsTest {
    record Case(String name, AuthorizationPolicy policy, String summary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("ALLOW with methods: the rule never matches, so nothing is allowed",
                        policy("foo", "a").rule(rule(operation("methods", List.of("GET")))).build(), "DENY (no rule matched)"),
                new Case("ALLOW with a TCP field and an HTTP field in one rule: the whole rule is ignored",
                        policy("foo", "a").rule(rule(source("namespaces", List.of("bar")), operation("paths", List.of("/x"))))
                                .build(), "DENY (no rule matched)"),
                new Case("ALLOW with an HTTP rule and a TCP rule: the TCP rule still allows",
                        policy("foo", "a").rule(rule(operation("methods", List.of("GET"))))
                                .rule(rule(source("namespaces", List.of("bar")))).build(), "ALLOW by ALLOW foo/a rule 1"),
                new Case("ALLOW with hosts", policy("foo", "a").rule(rule(operation("hosts", List.of("db")))).build(),
                        "DENY (no rule matched)"),
                new Case("ALLOW with notHosts", policy("foo", "a").rule(rule(operation("notHosts", List.of("db")))).build(),
                        "DENY (no rule matched)"),
                new Case("ALLOW with notMethods", policy("foo", "a").rule(rule(operation("notMethods", List.of("GET"))))
                        .build(), "DENY (no rule matched)"),
                new Case("ALLOW with notPaths", policy("foo", "a").rule(rule(operation("notPaths", List.of("/"))))
                        .build(), "DENY (no rule matched)"),
                new Case("ALLOW with requestPrincipals", policy("foo", "a").rule(rule(source("requestPrincipals",
                        List.of("*")))).build(), "DENY (no rule matched)"),
                new Case("ALLOW with notRequestPrincipals", policy("foo", "a").rule(rule(source("notRequestPrincipals",
                        List.of("*")))).build(), "DENY (no rule matched)"),
                new Case("ALLOW when request.headers[...]", policy("foo", "a").rule(rule(when("request.headers[x-id]", "1")))
                        .build(), "DENY (no rule matched)"),
                new Case("ALLOW when request.auth.claims[...]", policy("foo", "a")
                        .rule(rule(when("request.auth.claims[iss]", "me"))).build(), "DENY (no rule matched)"),
                new Case("ALLOW when request.auth.principal", policy("foo", "a")
                        .rule(rule(when("request.auth.principal", "me"))).build(), "DENY (no rule matched)"),
                new Case("DENY with only methods: the field is dropped and the rule denies everything",
                        policy("foo", "d").deny().rule(rule(operation("methods", List.of("GET")))).build(),
                        "DENY by DENY foo/d rule 0"),
                new Case("DENY with a namespace that does not match and methods: only the namespace is left",
                        policy("foo", "d").deny().rule(rule(source("namespaces", List.of("baz")),
                                operation("methods", List.of("GET")))).build(), "ALLOW (no rule matched)"),
                new Case("DENY with a namespace that matches and methods: denied",
                        policy("foo", "d").deny().rule(rule(source("namespaces", List.of("bar")),
                                operation("methods", List.of("GET")))).build(), "DENY by DENY foo/d rule 0"),
                new Case("DENY with notMethods: dropped, denies everything",
                        policy("foo", "d").deny().rule(rule(operation("notMethods", List.of("GET")))).build(),
                        "DENY by DENY foo/d rule 0"),
                new Case("DENY with requestPrincipals: dropped, denies everything",
                        policy("foo", "d").deny().rule(rule(source("requestPrincipals", List.of("*")))).build(),
                        "DENY by DENY foo/d rule 0"),
                new Case("DENY when request.headers[...]: dropped, denies everything",
                        policy("foo", "d").deny().rule(rule(when("request.headers[x-id]", "1"))).build(),
                        "DENY by DENY foo/d rule 0"),
                new Case("AUDIT with paths: dropped, audits everything",
                        policy("foo", "au").audit().rule(rule(operation("paths", List.of("/x")))).build(),
                        "ALLOW (no rule matched) [audited by AUDIT foo/au rule 0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void httpOnlyFieldsOnTcp(Case c) {
        Decision decision = decide(List.of(c.policy()), WORKLOAD, FROM_BAR);

        assertThat(decision.summary()).isEqualTo(c.summary());
    }

    @Test
    void aDroppedFieldIsNamedInTheReason() {
        AuthorizationPolicy deny = policy("foo", "d").deny().rule(rule(source("namespaces", List.of("bar")),
                operation("methods", List.of("GET")))).build();

        Decision decision = decide(List.of(deny), WORKLOAD, FROM_BAR);

        assertThat(decision.reason()).isEqualTo("denied by DENY policy foo/d rule 0: source namespace bar matches"
                + "; ignored: methods (HTTP only)");
    }

    // Validation rejects these values; a model that skipped validation gets Istio's checkError too.
    @Test
    void anInvalidValueDropsOnlyItselfFromADenyRule() {
        AuthorizationPolicy deny = policy("foo", "d").deny()
                .rule(rule(source("ipBlocks", List.of("10.0.0.256", "10.1.0.0/16")))).build();

        Decision inside = decide(List.of(deny), WORKLOAD, FROM_BAR);
        Decision outside = decide(List.of(deny), WORKLOAD, Literals.connection(Literals.mtls("cluster.local/ns/bar/sa/x"),
                "192.168.1.1", 13306));

        assertThat(inside.reason()).isEqualTo("denied by DENY policy foo/d rule 0: source ip 10.1.0.0/16 matches"
                + "; ignored: ipBlocks '10.0.0.256' (invalid)");
        assertThat(outside.summary()).isEqualTo("ALLOW (no rule matched)");
    }

    @Test
    void anInvalidValueMakesAnAllowRuleNeverMatch() {
        AuthorizationPolicy allow = policy("foo", "a").rule(rule(operation("ports", List.of("13306", "http")))).build();

        Compilation compilation = new PolicyCompiler(MeshConfig.DEFAULT).compile(List.of(allow));

        assertThat(compilation.engine().decide(WORKLOAD, FROM_BAR).summary()).isEqualTo("DENY (no rule matched)");
        assertThat(compilation.notes()).extracting(CompileNote::message).containsExactly(
                "invalid port 'http': an ALLOW rule with a value Istio cannot compile never matches; the whole rule is ignored");
    }

    @Test
    void theCompilerExplainsBothChoices() {
        AuthorizationPolicy allow = policy("foo", "a").rule(rule(operation("methods", List.of("GET")))).build();
        AuthorizationPolicy deny = policy("foo", "d").deny().rule(rule(operation("methods", List.of("GET")))).build();

        Compilation compilation = new PolicyCompiler(MeshConfig.DEFAULT).compile(List.of(allow, deny));

        assertThat(compilation.notes()).extracting(CompileNote::toString).containsExactly(
                "literal.yaml:1: AuthorizationPolicy foo/a: spec.rules[0].to[0].operation.methods: methods is HTTP only:"
                        + " an ALLOW rule that cannot be checked on TCP never matches; the whole rule is ignored",
                "literal.yaml:1: AuthorizationPolicy foo/d: spec.rules[0].to[0].operation.methods: methods is HTTP only:"
                        + " ignored on TCP, so this DENY rule matches more connections");
    }
}
