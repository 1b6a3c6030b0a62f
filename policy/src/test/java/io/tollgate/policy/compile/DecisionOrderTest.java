package io.tollgate.policy.compile;

import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.Verdict;
import io.tollgate.policy.authz.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.Literals.connection;
import static io.tollgate.policy.compile.Literals.decide;
import static io.tollgate.policy.compile.Literals.mtls;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static io.tollgate.policy.compile.Literals.workload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How actions combine (istio.io "Authorization" concepts, "Implicit enablement" and "Allow-nothing, deny-all and
 * allow-all"; the AuthorizationPolicy reference on CUSTOM, DENY, ALLOW, AUDIT and dry-run). Each case shows one rule;
 * {@code summary} is the decision line: verdict, then the deciding action, policy and rule.
 */
class DecisionOrderTest {
    static final Workload WORKLOAD = workload("foo", "app=db");
    static final Connection FROM_BAR = connection(mtls("cluster.local/ns/bar/sa/client"));

    record Case(String name, List<AuthorizationPolicy> policies, String summary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static AuthorizationPolicy.Action a(String action) {
        return AuthorizationPolicy.Action.valueOf(action);
    }

    static AuthorizationPolicy fromBar(String name, String action) {
        return policy("foo", name).action(a(action)).rule(rule(source("namespaces", List.of("bar")))).build();
    }

    static AuthorizationPolicy fromBaz(String name, String action) {
        return policy("foo", name).action(a(action)).rule(rule(source("namespaces", List.of("baz")))).build();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no policy: allowed", List.of(), "ALLOW (no rule matched)"),
                new Case("a matching DENY denies", List.of(fromBar("d", "DENY")), "DENY by DENY foo/d rule 0"),
                new Case("a DENY that does not match allows", List.of(fromBaz("d", "DENY")), "ALLOW (no rule matched)"),
                new Case("a matching ALLOW allows", List.of(fromBar("a", "ALLOW")), "ALLOW by ALLOW foo/a rule 0"),
                new Case("an ALLOW that does not match denies", List.of(fromBaz("a", "ALLOW")), "DENY (no rule matched)"),
                new Case("one matching ALLOW among several is enough",
                        List.of(fromBaz("a1", "ALLOW"), fromBar("a2", "ALLOW")), "ALLOW by ALLOW foo/a2 rule 0"),
                new Case("DENY is evaluated before ALLOW",
                        List.of(fromBar("a", "ALLOW"), fromBar("d", "DENY")), "DENY by DENY foo/d rule 0"),
                new Case("a DENY that does not match leaves the decision to ALLOW",
                        List.of(fromBaz("d", "DENY"), fromBaz("a", "ALLOW")), "DENY (no rule matched)"),
                new Case("spec: {} (ALLOW without rules) denies all",
                        List.of(policy("foo", "allow-nothing").build()), "DENY (no rule matched)"),
                new Case("spec: {} with another matching ALLOW: the other one allows",
                        List.of(policy("foo", "allow-nothing").build(), fromBar("a", "ALLOW")), "ALLOW by ALLOW foo/a rule 0"),
                new Case("rules: [{}] allows all", List.of(policy("foo", "allow-all").rule(rule()).build()),
                        "ALLOW by ALLOW foo/allow-all rule 0"),
                new Case("DENY with rules: [{}] denies all", List.of(policy("foo", "deny-all").deny().rule(rule()).build()),
                        "DENY by DENY foo/deny-all rule 0"),
                new Case("DENY without rules denies nothing", List.of(policy("foo", "deny-none").deny().build()),
                        "ALLOW (no rule matched)"),
                new Case("AUDIT never changes the decision, and is reported",
                        List.of(fromBar("au", "AUDIT")), "ALLOW (no rule matched) [audited by AUDIT foo/au rule 0]"),
                new Case("AUDIT alongside a DENY: still denied, still audited",
                        List.of(fromBar("au", "AUDIT"), fromBar("d", "DENY")),
                        "DENY by DENY foo/d rule 0 [audited by AUDIT foo/au rule 0]"),
                new Case("an AUDIT policy does not count as an ALLOW policy",
                        List.of(fromBaz("au", "AUDIT")), "ALLOW (no rule matched)"),
                new Case("CUSTOM cannot be evaluated: a matching CUSTOM fails closed",
                        List.of(fromBar("c", "CUSTOM"), fromBar("a", "ALLOW")), "DENY by CUSTOM foo/c rule 0"),
                new Case("a CUSTOM that does not match changes nothing",
                        List.of(fromBaz("c", "CUSTOM")), "ALLOW (no rule matched)"),
                new Case("CUSTOM comes before DENY",
                        List.of(fromBar("c", "CUSTOM"), fromBar("d", "DENY")), "DENY by CUSTOM foo/c rule 0"),
                new Case("among several matching rules Envoy names the first by policy name",
                        List.of(fromBar("z-deny", "DENY"), fromBar("b-deny", "DENY")), "DENY by DENY foo/b-deny rule 0"),
                new Case("rules are tried in Envoy's order, which sorts rule[10] before rule[2]",
                        List.of(manyRules()), "DENY by DENY foo/many rule 10"));
    }

    /** Rules 2 to 10 match; Envoy sorts its policies by name, and "rule[10]" sorts before "rule[2]". */
    private static AuthorizationPolicy manyRules() {
        Literals.PolicyLiteral literal = policy("foo", "many").deny();
        for (int i = 0; i < 11; i++) {
            literal.rule(i < 2 ? rule(source("namespaces", List.of("baz"))) : rule());
        }
        return literal.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case c) {
        Decision decision = decide(c.policies(), WORKLOAD, FROM_BAR);

        assertThat(decision.summary()).isEqualTo(c.summary());
        assertThat(decision.allowed()).isEqualTo(c.summary().startsWith("ALLOW"));
        assertThat(decision.verdict()).isEqualTo(c.summary().startsWith("ALLOW") ? Verdict.ALLOW : Verdict.DENY);
    }
}
