package io.tollgate.policy.authz;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a policy that does not enforce said about a connection: an AUDIT policy that matched, or the verdict the
 * dry-run policies of one action would have given. Never changes the {@link Decision}'s verdict.
 *
 * @param policy the policy and rule that matched; empty when the result is that no rule matched
 */
public record ShadowResult(Kind kind, Optional<PolicyId> policy, Optional<Action> action, OptionalInt rule,
                           String reason) {
    public ShadowResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public enum Kind {
        AUDITED("audited"), WOULD_AUDIT("would-audit"), WOULD_DENY("would-deny"), WOULD_ALLOW("would-allow");

        private final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    static ShadowResult byRule(Kind kind, CompiledRule rule, Action action, String reason) {
        return new ShadowResult(kind, Optional.of(rule.policy()), Optional.of(action), OptionalInt.of(rule.index()), reason);
    }

    static ShadowResult withoutRule(Kind kind, String reason) {
        return new ShadowResult(kind, Optional.empty(), Optional.empty(), OptionalInt.empty(), reason);
    }

    /** {@code would-deny by DENY ns/name rule 0}, or {@code would-deny (no rule matched)}. */
    public String summary() {
        if (policy.isEmpty()) {
            return kind.word + " (no rule matched)";
        }
        return kind.word + " by " + action.orElseThrow() + " " + policy.get() + " rule " + rule.orElseThrow();
    }
}
