package io.tollgate.policy.authz;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer for one connection, with its reason: the policy and rule that decided (none when the verdict follows
 * from no rule matching), a sentence a person can read, and what audit and dry-run policies said.
 */
public record Decision(Verdict verdict, Optional<PolicyId> policy, Optional<Action> action, OptionalInt rule,
                       String reason, List<ShadowResult> shadows) {
    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        shadows = List.copyOf(shadows);
    }

    static Decision byRule(Verdict verdict, CompiledRule rule, Action action, String reason) {
        return new Decision(verdict, Optional.of(rule.policy()), Optional.of(action), OptionalInt.of(rule.index()),
                reason, List.of());
    }

    static Decision withoutRule(Verdict verdict, String reason) {
        return new Decision(verdict, Optional.empty(), Optional.empty(), OptionalInt.empty(), reason, List.of());
    }

    /** This decision with the given shadow results; returns {@code this} when there are none, so it costs nothing. */
    Decision withShadows(List<ShadowResult> results) {
        return results.isEmpty() ? this : new Decision(verdict, policy, action, rule, reason, results);
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOW;
    }

    /**
     * One line: {@code DENY by DENY istio-system/name rule 0} or {@code ALLOW (no rule matched)}, then each shadow
     * result in brackets. The golden files under {@code authz-golden} compare this line.
     */
    public String summary() {
        StringBuilder line = new StringBuilder(verdict.name());
        if (policy.isPresent()) {
            line.append(" by ").append(action.orElseThrow()).append(' ').append(policy.get())
                    .append(" rule ").append(rule.orElseThrow());
        } else {
            line.append(" (no rule matched)");
        }
        for (ShadowResult shadow : shadows) {
            line.append(" [").append(shadow.summary()).append(']');
        }
        return line.toString();
    }
}
