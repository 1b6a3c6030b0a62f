package io.tollgate.policy.authz;

import java.util.Objects;

/**
 * Rule {@code index} of a policy, compiled.
 *
 * @param description what the rule tests, in words, for the decision's reason (written once, at compile time)
 */
public record CompiledRule(PolicyId policy, int index, Matcher matcher, String description) {
    public CompiledRule {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(description, "description");
    }

    /** The order Envoy evaluates rules of one action in; see {@link PolicyId#envoyRuleName}. */
    public String envoyName() {
        return policy.envoyRuleName(index);
    }
}
