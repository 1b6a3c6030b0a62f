package io.tollgate.policy.compile;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.authz.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.DecisionOrderTest.FROM_BAR;
import static io.tollgate.policy.compile.DecisionOrderTest.WORKLOAD;
import static io.tollgate.policy.compile.DecisionOrderTest.a;
import static io.tollgate.policy.compile.Literals.decide;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code istio.io/dry-run} annotation (istio.io "Dry Run" task and AuthorizationPolicy reference): the policy is
 * evaluated and its result reported as a shadow result, never enforced. Results follow Envoy's shadow engines: the
 * dry-run policies of one action together say what they would have done.
 */
class DryRunTest {
    record Case(String name, List<AuthorizationPolicy> policies, String summary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static AuthorizationPolicy dry(String name, String action, String namespace) {
        return policy("foo", name).action(a(action)).dryRun().rule(rule(source("namespaces", List.of(namespace)))).build();
    }

    static AuthorizationPolicy enforced(String name, String action, String namespace) {
        return policy("foo", name).action(a(action)).rule(rule(source("namespaces", List.of(namespace)))).build();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a matching dry-run DENY would have denied, and the connection is allowed",
                        List.of(dry("d", "DENY", "bar")), "ALLOW (no rule matched) [would-deny by DENY foo/d rule 0]"),
                new Case("a dry-run DENY that does not match would have allowed",
                        List.of(dry("d", "DENY", "baz")), "ALLOW (no rule matched) [would-allow (no rule matched)]"),
                new Case("a dry-run ALLOW that does not match would have denied, and does not deny",
                        List.of(dry("a", "ALLOW", "baz")), "ALLOW (no rule matched) [would-deny (no rule matched)]"),
                new Case("a matching dry-run ALLOW would have allowed",
                        List.of(dry("a", "ALLOW", "bar")), "ALLOW (no rule matched) [would-allow by ALLOW foo/a rule 0]"),
                new Case("a dry-run ALLOW does not make ALLOW policies apply",
                        List.of(dry("a", "ALLOW", "baz"), enforced("d", "DENY", "baz")),
                        "ALLOW (no rule matched) [would-deny (no rule matched)]"),
                new Case("an enforced DENY still denies next to a dry-run DENY",
                        List.of(dry("dry", "DENY", "bar"), enforced("d", "DENY", "bar")),
                        "DENY by DENY foo/d rule 0 [would-deny by DENY foo/dry rule 0]"),
                new Case("after an enforced DENY the ALLOW filter and its dry-run rules are never reached",
                        List.of(dry("a", "ALLOW", "bar"), enforced("d", "DENY", "bar")), "DENY by DENY foo/d rule 0"),
                new Case("an enforced ALLOW still decides next to a dry-run ALLOW",
                        List.of(dry("dry", "ALLOW", "baz"), enforced("a", "ALLOW", "bar")),
                        "ALLOW by ALLOW foo/a rule 0 [would-deny (no rule matched)]"),
                new Case("a dry-run CUSTOM would have denied, and does not",
                        List.of(dry("c", "CUSTOM", "bar")), "ALLOW (no rule matched) [would-deny by CUSTOM foo/c rule 0]"),
                new Case("a dry-run AUDIT is reported as what it would have audited",
                        List.of(dry("au", "AUDIT", "bar")), "ALLOW (no rule matched) [would-audit by AUDIT foo/au rule 0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsWithoutEnforcing(Case c) {
        Decision decision = decide(c.policies(), WORKLOAD, FROM_BAR);

        assertThat(decision.summary()).isEqualTo(c.summary());
    }

    @Test
    void theShadowReasonSaysWhatWouldHaveHappened() {
        Decision decision = decide(List.of(dry("d", "DENY", "bar")), WORKLOAD, FROM_BAR);

        assertThat(decision.shadows()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("dry-run DENY policy foo/d rule 0 would have denied: source namespace bar matches"));
    }

    // Istio parses the annotation with Go's strconv.ParseBool; a value it cannot parse leaves the policy enforced.
    @ParameterizedTest(name = "istio.io/dry-run: \"{0}\" -> {1}")
    @CsvSource({"true, ALLOW", "True, ALLOW", "TRUE, ALLOW", "1, ALLOW", "t, ALLOW", "false, DENY", "0, DENY",
            "yes, DENY", "tRuE, DENY", "'', DENY"})
    void annotationValuesAsIstioParsesThem(String value, String verdict) {
        AuthorizationPolicy deny = policy("foo", "d").deny().annotation(AuthorizationPolicy.DRY_RUN_ANNOTATION, value)
                .rule(rule()).build();

        Decision decision = decide(List.of(deny), WORKLOAD, FROM_BAR);

        assertThat(decision.verdict().name()).isEqualTo(verdict);
    }

    @Test
    void anUnparsableAnnotationIsNoted() {
        AuthorizationPolicy deny = policy("foo", "d").deny().annotation(AuthorizationPolicy.DRY_RUN_ANNOTATION, "yes")
                .rule(rule()).build();

        Compilation compilation = new PolicyCompiler(MeshConfig.DEFAULT).compile(List.of(deny));

        assertThat(compilation.notes()).singleElement().hasToString(
                "literal.yaml:1: AuthorizationPolicy foo/d: metadata.annotations.istio.io/dry-run: "
                        + "'yes' is not a boolean; the policy is enforced, as Istio does");
    }
}
