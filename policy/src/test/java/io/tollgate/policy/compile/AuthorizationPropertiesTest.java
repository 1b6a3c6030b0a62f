package io.tollgate.policy.compile;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.TargetRef;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.Verdict;
import io.tollgate.policy.authz.Workload;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the engine over random policies, workloads and connections. */
class AuthorizationPropertiesTest {
    @Provide
    Arbitrary<List<AuthorizationPolicy>> policyLists() {
        return RandomPolicies.policyLists(6);
    }

    @Provide
    Arbitrary<AuthorizationPolicy> policies() {
        return RandomPolicies.policies();
    }

    @Provide
    Arbitrary<Workload> workloads() {
        return RandomPolicies.workloads();
    }

    @Provide
    Arbitrary<Connection> connections() {
        return RandomPolicies.connections();
    }

    private static Decision decide(List<AuthorizationPolicy> policies, Workload workload, Connection connection) {
        return new PolicyCompiler(MeshConfig.DEFAULT).compile(policies).engine().decide(workload, connection);
    }

    private static List<AuthorizationPolicy> plus(List<AuthorizationPolicy> policies, AuthorizationPolicy extra) {
        List<AuthorizationPolicy> all = new ArrayList<>(policies);
        all.add(RandomPolicies.rename(extra, "extra"));
        return all;
    }

    @Property(tries = 1500)
    void addingADenyPolicyNeverTurnsADenyIntoAnAllow(@ForAll("policyLists") List<AuthorizationPolicy> policies,
                                                     @ForAll("policies") AuthorizationPolicy extra,
                                                     @ForAll("workloads") Workload workload,
                                                     @ForAll("connections") Connection connection) {
        AuthorizationPolicy deny = RandomPolicies.withAction(extra, AuthorizationPolicy.Action.DENY);

        Decision before = decide(policies, workload, connection);
        Decision after = decide(plus(policies, deny), workload, connection);

        if (before.verdict() == Verdict.DENY) {
            assertThat(after.verdict()).isEqualTo(Verdict.DENY);
        }
    }

    @Property(tries = 1500)
    void aPolicyThatDoesNotApplyToTheWorkloadChangesNothing(@ForAll("policyLists") List<AuthorizationPolicy> policies,
                                                            @ForAll("policies") AuthorizationPolicy extra,
                                                            @ForAll("workloads") Workload workload,
                                                            @ForAll("connections") Connection connection) {
        // Three ways not to apply: another namespace that is not the root, a selector the workload lacks, targetRefs.
        String elsewhere = RandomPolicies.NAMESPACES.stream()
                .filter(ns -> !ns.equals(workload.namespace()) && !ns.equals("istio-system")).findFirst().orElseThrow();
        List<AuthorizationPolicy> unrelated = List.of(
                RandomPolicies.inNamespace(extra, elsewhere),
                RandomPolicies.withSelector(extra, Map.of("never", "selected")),
                new AuthorizationPolicy(extra.meta(), extra.selector(),
                        List.of(new TargetRef("gateway.networking.k8s.io", "Gateway", "gw", null)),
                        extra.action(), extra.rules()));
        Decision before = decide(policies, workload, connection);

        for (AuthorizationPolicy policy : unrelated) {
            assertThat(decide(plus(policies, policy), workload, connection)).isEqualTo(before);
        }
    }

    @Property(tries = 1500)
    void dryRunPoliciesNeverChangeADecision(@ForAll("policyLists") List<AuthorizationPolicy> policies,
                                            @ForAll("policyLists") List<AuthorizationPolicy> dryRun,
                                            @ForAll("workloads") Workload workload,
                                            @ForAll("connections") Connection connection) {
        List<AuthorizationPolicy> enforced = policies.stream()
                .map(p -> RandomPolicies.withAnnotation(p, AuthorizationPolicy.DRY_RUN_ANNOTATION, "false")).toList();
        List<AuthorizationPolicy> all = new ArrayList<>(enforced);
        dryRun.forEach(p -> all.add(RandomPolicies.rename(
                RandomPolicies.withAnnotation(p, AuthorizationPolicy.DRY_RUN_ANNOTATION, "true"), "dry-" + all.size())));

        Decision before = decide(enforced, workload, connection);
        Decision after = decide(all, workload, connection);

        assertThat(after.verdict()).isEqualTo(before.verdict());
        assertThat(after.policy()).isEqualTo(before.policy());
        assertThat(after.rule()).isEqualTo(before.rule());
        assertThat(after.action()).isEqualTo(before.action());
        assertThat(after.reason()).isEqualTo(before.reason());
    }

    @Property(tries = 500)
    void theOrderPoliciesAreGivenInDoesNotMatter(@ForAll("policyLists") List<AuthorizationPolicy> policies,
                                                 @ForAll("workloads") Workload workload,
                                                 @ForAll("connections") Connection connection,
                                                 @ForAll long seed) {
        List<AuthorizationPolicy> shuffled = new ArrayList<>(policies);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(decide(shuffled, workload, connection)).isEqualTo(decide(policies, workload, connection));
    }

    @Property(tries = 300)
    void aWorkloadAuthorizerGivesTheSameDecisionEveryTime(@ForAll("policyLists") List<AuthorizationPolicy> policies,
                                                          @ForAll("workloads") Workload workload,
                                                          @ForAll("connections") Connection connection) {
        var authorizer = new PolicyCompiler(MeshConfig.DEFAULT).compile(policies).engine().forWorkload(workload);

        Decision first = authorizer.decide(connection);

        assertThat(authorizer.decide(connection)).isEqualTo(first);
        assertThat(first).isEqualTo(decide(policies, workload, connection));
    }
}
