package io.tollgate.policy.compile;

import io.tollgate.testkit.SeededProperty;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.TargetRef;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.Verdict;
import io.tollgate.policy.authz.Workload;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static io.tollgate.testkit.SeededProperty.check;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the engine over random policies, workloads and connections. */
class AuthorizationPropertiesTest {
    private static final int MAX_POLICIES = 6;

    /** Policies, the workload they are asked about, and the connection it receives. */
    private record Situation(List<AuthorizationPolicy> policies, Workload workload, Connection connection) {
        static Situation random(SplittableRandom random) {
            return new Situation(RandomPolicies.policyList(random, MAX_POLICIES), RandomPolicies.workload(random),
                    RandomPolicies.connection(random));
        }

        /** Every edge policy list, with every edge workload and connection. */
        static List<Situation> edges() {
            List<Situation> edges = new ArrayList<>();
            for (List<AuthorizationPolicy> policies : RandomPolicies.edgePolicyLists()) {
                for (Workload workload : RandomPolicies.edgeWorkloads()) {
                    RandomPolicies.edgeConnections().forEach(c -> edges.add(new Situation(policies, workload, c)));
                }
            }
            return edges;
        }

        Decision decision() {
            return decide(policies, workload, connection);
        }
    }

    private record WithExtra(Situation situation, AuthorizationPolicy extra) {
        static List<WithExtra> edges() {
            List<WithExtra> edges = new ArrayList<>();
            Situation.edges().forEach(s -> RandomPolicies.edgePolicies().forEach(p -> edges.add(new WithExtra(s, p))));
            return edges;
        }
    }

    private record WithDryRun(Situation situation, List<AuthorizationPolicy> dryRun) {
        static List<WithDryRun> edges() {
            List<WithDryRun> edges = new ArrayList<>();
            Situation.edges().forEach(s -> RandomPolicies.edgePolicyLists().forEach(d -> edges.add(new WithDryRun(s, d))));
            return edges;
        }
    }

    private record Shuffled(Situation situation, long seed) {
        static List<Shuffled> edges() {
            List<Shuffled> edges = new ArrayList<>();
            Situation.edges().forEach(s -> List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)
                    .forEach(seed -> edges.add(new Shuffled(s, seed))));
            return edges;
        }
    }

    private static Decision decide(List<AuthorizationPolicy> policies, Workload workload, Connection connection) {
        return new PolicyCompiler(MeshConfig.DEFAULT).compile(policies).engine().decide(workload, connection);
    }

    private static List<AuthorizationPolicy> plus(List<AuthorizationPolicy> policies, AuthorizationPolicy extra) {
        List<AuthorizationPolicy> all = new ArrayList<>(policies);
        all.add(RandomPolicies.rename(extra, "extra"));
        return all;
    }

    @Test
    void addingADenyPolicyNeverTurnsADenyIntoAnAllow() {
        check(1500, WithExtra.edges(), r -> new WithExtra(Situation.random(r), RandomPolicies.policy(r)), c -> {
            Situation s = c.situation();
            AuthorizationPolicy deny = RandomPolicies.withAction(c.extra(), AuthorizationPolicy.Action.DENY);

            Decision before = s.decision();
            Decision after = decide(plus(s.policies(), deny), s.workload(), s.connection());

            if (before.verdict() == Verdict.DENY) {
                assertThat(after.verdict()).isEqualTo(Verdict.DENY);
            }
        });
    }

    @Test
    void aPolicyThatDoesNotApplyToTheWorkloadChangesNothing() {
        check(1500, WithExtra.edges(), r -> new WithExtra(Situation.random(r), RandomPolicies.policy(r)), c -> {
            Situation s = c.situation();
            AuthorizationPolicy extra = c.extra();
            // Three ways not to apply: another namespace that is not the root, a selector the workload lacks, targetRefs.
            String elsewhere = RandomPolicies.NAMESPACES.stream()
                    .filter(ns -> !ns.equals(s.workload().namespace()) && !ns.equals("istio-system")).findFirst().orElseThrow();
            List<AuthorizationPolicy> unrelated = List.of(
                    RandomPolicies.inNamespace(extra, elsewhere),
                    RandomPolicies.withSelector(extra, Map.of("never", "selected")),
                    new AuthorizationPolicy(extra.meta(), extra.selector(),
                            List.of(new TargetRef("gateway.networking.k8s.io", "Gateway", "gw", null)),
                            extra.action(), extra.rules()));
            Decision before = s.decision();

            for (AuthorizationPolicy policy : unrelated) {
                assertThat(decide(plus(s.policies(), policy), s.workload(), s.connection())).isEqualTo(before);
            }
        });
    }

    @Test
    void dryRunPoliciesNeverChangeADecision() {
        check(1500, WithDryRun.edges(),
                r -> new WithDryRun(Situation.random(r), RandomPolicies.policyList(r, MAX_POLICIES)), c -> {
                    Situation s = c.situation();
                    List<AuthorizationPolicy> enforced = s.policies().stream()
                            .map(p -> RandomPolicies.withAnnotation(p, AuthorizationPolicy.DRY_RUN_ANNOTATION, "false")).toList();
                    List<AuthorizationPolicy> all = new ArrayList<>(enforced);
                    c.dryRun().forEach(p -> all.add(RandomPolicies.rename(RandomPolicies.withAnnotation(
                            p, AuthorizationPolicy.DRY_RUN_ANNOTATION, "true"), "dry-" + all.size())));

                    Decision before = decide(enforced, s.workload(), s.connection());
                    Decision after = decide(all, s.workload(), s.connection());

                    assertThat(after.verdict()).isEqualTo(before.verdict());
                    assertThat(after.policy()).isEqualTo(before.policy());
                    assertThat(after.rule()).isEqualTo(before.rule());
                    assertThat(after.action()).isEqualTo(before.action());
                    assertThat(after.reason()).isEqualTo(before.reason());
                });
    }

    @Test
    void theOrderPoliciesAreGivenInDoesNotMatter() {
        check(500, Shuffled.edges(), r -> new Shuffled(Situation.random(r), r.nextLong()), c -> {
            Situation s = c.situation();
            List<AuthorizationPolicy> shuffled = new ArrayList<>(s.policies());
            Collections.shuffle(shuffled, new Random(c.seed()));

            assertThat(decide(shuffled, s.workload(), s.connection())).isEqualTo(s.decision());
        });
    }

    @Test
    void aWorkloadAuthorizerGivesTheSameDecisionEveryTime() {
        check(300, Situation.edges(), Situation::random, s -> {
            var authorizer = new PolicyCompiler(MeshConfig.DEFAULT).compile(s.policies()).engine().forWorkload(s.workload());

            Decision first = authorizer.decide(s.connection());

            assertThat(authorizer.decide(s.connection())).isEqualTo(first);
            assertThat(first).isEqualTo(s.decision());
        });
    }
}
