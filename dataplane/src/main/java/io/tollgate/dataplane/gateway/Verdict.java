package io.tollgate.dataplane.gateway;

import java.util.Optional;

/**
 * An authorization answer with its reason: which policy decided (none when no policy applied) and a sentence a
 * person can read in the log.
 */
public record Verdict(Outcome outcome, Optional<PolicyRef> policy, String reason) {
    public enum Outcome { ALLOW, DENY }

    public Verdict {
        if (outcome == null || policy == null || reason == null) {
            throw new IllegalArgumentException("a verdict needs an outcome, a policy (or none) and a reason");
        }
    }

    public static Verdict allow(Optional<PolicyRef> policy, String reason) {
        return new Verdict(Outcome.ALLOW, policy, reason);
    }

    public static Verdict deny(Optional<PolicyRef> policy, String reason) {
        return new Verdict(Outcome.DENY, policy, reason);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /** {@code allow} or {@code deny}, as the metric label and access log write it. */
    public String label() {
        return allowed() ? "allow" : "deny";
    }

    /** The deciding policy's {@code ns/name}, or {@code none}. */
    public String policyLabel() {
        return policy.map(PolicyRef::toString).orElse("none");
    }
}
