package io.tollgate.policy.authz;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The rules of one action and one enforcement mode that apply to one workload, in Envoy's order, each paired with
 * the outcome to report when it is the first to match (built once, so matching allocates nothing).
 * Immutable; shared by every connection of the workload.
 *
 * @param <T> {@link Decision} for enforced rules, {@link ShadowResult} for audit and dry-run rules
 */
final class RuleGroup<T> {
    private final List<PolicyId> policies;
    private final Matcher[] matchers;
    private final Object[] outcomes;

    RuleGroup(List<CompiledPolicy> applicable, Function<CompiledRule, T> outcome) {
        this.policies = applicable.stream().map(CompiledPolicy::id).sorted().toList();
        List<CompiledRule> rules = applicable.stream().flatMap(p -> p.rules().stream())
                .sorted(Comparator.comparing(CompiledRule::envoyName)).toList();
        this.matchers = rules.stream().map(CompiledRule::matcher).toArray(Matcher[]::new);
        this.outcomes = rules.stream().map(outcome).toArray();
    }

    /** Whether any policy of this action applies, even one with no rule that can match. */
    boolean hasPolicies() {
        return !policies.isEmpty();
    }

    List<PolicyId> policies() {
        return policies;
    }

    /** The outcome of the first rule that matches, or null when none does. */
    @SuppressWarnings("unchecked")
    T firstMatch(Connection connection) {
        for (int i = 0; i < matchers.length; i++) {
            if (matchers[i].matches(connection)) {
                return (T) outcomes[i];
            }
        }
        return null;
    }
}
