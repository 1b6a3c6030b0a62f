package io.tollgate.policy.compile;

import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.authz.AuthorizationEngine;
import io.tollgate.policy.authz.PolicyId;
import io.tollgate.policy.authz.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.workload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which policies apply to a workload (istio.io AuthorizationPolicy reference, "workload selector"; Istio
 * {@code AuthorizationPolicies.ListAuthorizationPolicies} and {@code WorkloadPolicyMatcher.ShouldAttachPolicy}).
 */
class SelectionTest {
    record Case(String name, AuthorizationPolicy policy, Workload workload, boolean applies) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a policy without selector applies to every workload of its namespace",
                        policy("foo", "p").rule(rule()).build(), workload("foo", "app=a"), true),
                new Case("a policy does not apply to workloads of another namespace",
                        policy("foo", "p").rule(rule()).build(), workload("bar", "app=a"), false),
                new Case("a root-namespace policy without selector applies to workloads in every namespace",
                        policy("istio-system", "p").rule(rule()).build(), workload("bar"), true),
                new Case("a root-namespace policy with a selector selects matching workloads in every namespace",
                        policy("istio-system", "p").selector("app=db").rule(rule()).build(), workload("bar", "app=db"), true),
                new Case("a root-namespace policy with a selector skips workloads without the labels",
                        policy("istio-system", "p").selector("app=db").rule(rule()).build(), workload("bar", "app=web"), false),
                new Case("matchLabels must be a subset of the workload's labels",
                        policy("foo", "p").selector("app=db", "tier=1").rule(rule()).build(),
                        workload("foo", "app=db", "tier=1", "version=v2"), true),
                new Case("a workload missing one matchLabel is not selected",
                        policy("foo", "p").selector("app=db", "tier=1").rule(rule()).build(), workload("foo", "app=db"), false),
                new Case("a label value must be equal, not a prefix",
                        policy("foo", "p").selector("app=db").rule(rule()).build(), workload("foo", "app=db2"), false),
                new Case("a policy in a namespace named like the root's does not act as root",
                        policy("istio-system2", "p").rule(rule()).build(), workload("bar"), false),
                new Case("a policy with targetRefs never applies to a classic workload, even in its namespace",
                        policy("foo", "p").targetRef("gateway.networking.k8s.io", "Gateway", "gw").rule(rule()).build(),
                        workload("foo", "istio=egressgateway"), false),
                new Case("a policy with targetRefs applies to the Gateway API gateway it names",
                        policy("foo", "p").targetRef("gateway.networking.k8s.io", "Gateway", "gw").rule(rule()).build(),
                        workload("foo", Workload.GATEWAY_NAME_LABEL + "=gw"), true),
                new Case("a policy with targetRefs does not apply to another Gateway API gateway",
                        policy("foo", "p").targetRef("gateway.networking.k8s.io", "Gateway", "gw").rule(rule()).build(),
                        workload("foo", Workload.GATEWAY_NAME_LABEL + "=other"), false),
                new Case("a root-namespace policy with targetRefs does not reach gateways in other namespaces",
                        policy("istio-system", "p").targetRef("gateway.networking.k8s.io", "Gateway", "gw").rule(rule()).build(),
                        workload("foo", Workload.GATEWAY_NAME_LABEL + "=gw"), false),
                new Case("a Gateway API gateway still honours selector policies (Istio's default)",
                        policy("foo", "p").selector("app=gw").rule(rule()).build(),
                        workload("foo", "app=gw", Workload.GATEWAY_NAME_LABEL + "=gw"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesOrNot(Case c) {
        AuthorizationEngine engine = Literals.engine(c.policy());

        List<PolicyId> applicable = engine.forWorkload(c.workload()).applicablePolicies();

        PolicyId id = new PolicyId(c.policy().meta().namespace(), c.policy().meta().name());
        assertThat(applicable.contains(id)).as(c.name()).isEqualTo(c.applies());
    }
}
