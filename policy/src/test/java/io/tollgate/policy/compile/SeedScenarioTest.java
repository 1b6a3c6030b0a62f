package io.tollgate.policy.compile;

import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.authz.Action;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.PolicyId;
import io.tollgate.policy.authz.Verdict;
import io.tollgate.policy.authz.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.tollgate.policy.compile.Literals.connection;
import static io.tollgate.policy.compile.Literals.decide;
import static io.tollgate.policy.compile.Literals.mtls;
import static io.tollgate.policy.compile.Literals.policy;
import static io.tollgate.policy.compile.Literals.rule;
import static io.tollgate.policy.compile.Literals.source;
import static io.tollgate.policy.compile.Literals.workload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2 section 5: the walk-through's step-6 policy on the egress gateway, as written (namespace demo-frontend)
 * and corrected (demo-server), with action DENY and ALLOW, for the client in demo-server.
 */
class SeedScenarioTest {
    private static final Workload GATEWAY = workload("istio-system", "istio=egressgateway");
    private static final Connection CLIENT = connection(mtls("spiffe://cluster.local/ns/demo-server/sa/default"),
            "10.244.0.15", 13306);

    static AuthorizationPolicy stepSix(AuthorizationPolicy.Action action, String namespace) {
        return policy("istio-system", "egress-rds-by-namespace").action(action).selector("istio=egressgateway")
                .rule(rule(source("namespaces", List.of(namespace)))).build();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // As written, the DENY names a namespace nobody is in: the client from demo-server gets through.
            "DENY,  demo-frontend, ALLOW, , ",
            // Changed to ALLOW, it admits only demo-frontend: the client is denied by no rule matching.
            "ALLOW, demo-frontend, DENY,  , ",
            // With demo-server, what the walk-through meant: DENY denies by rule 0, ALLOW allows by rule 0.
            "DENY,  demo-server,   DENY,  DENY,  0",
            "ALLOW, demo-server,   ALLOW, ALLOW, 0",
    })
    void stepSixPolicyOnTheEgressGateway(AuthorizationPolicy.Action action, String namespace, Verdict expected,
                                         Action decidingAction, Integer rule) {
        Decision decision = decide(List.of(stepSix(action, namespace)), GATEWAY, CLIENT);

        assertThat(decision.verdict()).isEqualTo(expected);
        assertThat(decision.action()).isEqualTo(Optional.ofNullable(decidingAction));
        assertThat(decision.rule()).isEqualTo(rule == null ? OptionalInt.empty() : OptionalInt.of(rule));
        assertThat(decision.policy()).isEqualTo(rule == null ? Optional.empty()
                : Optional.of(new PolicyId("istio-system", "egress-rds-by-namespace")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DENY  | denied by DENY policy istio-system/egress-rds-by-namespace rule 0: source namespace demo-server matches",
            "ALLOW | allowed by ALLOW policy istio-system/egress-rds-by-namespace rule 0: source namespace demo-server matches",
    })
    void theReasonNamesPolicyRuleAndCondition(AuthorizationPolicy.Action action, String reason) {
        Decision decision = decide(List.of(stepSix(action, "demo-server")), GATEWAY, CLIENT);

        assertThat(decision.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "workload {0}")
    @CsvSource({"demo-server, app=mysql-client", "istio-system, istio=ingressgateway"})
    void theGatewayPolicyDoesNotApplyToOtherWorkloads(String namespace, String label) {
        Decision decision = decide(List.of(stepSix(AuthorizationPolicy.Action.ALLOW, "demo-frontend")),
                workload(namespace, label), CLIENT);

        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decision.reason()).isEqualTo("allowed: no ALLOW, DENY or CUSTOM policy is enforced on workload " + namespace + " {" + label + "}");
    }
}
