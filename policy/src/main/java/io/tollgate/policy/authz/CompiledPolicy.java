package io.tollgate.policy.authz;

import java.util.List;
import java.util.Objects;

/**
 * One AuthorizationPolicy, compiled. {@code rules} holds only the rules that can match on TCP: an ALLOW policy whose
 * every rule needs HTTP has none, and like {@code spec: {}} it then denies every workload it applies to.
 */
public record CompiledPolicy(PolicyId id, Action action, Enforcement enforcement, Attachment attachment,
                             List<CompiledRule> rules) {
    public CompiledPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(enforcement, "enforcement");
        Objects.requireNonNull(attachment, "attachment");
        rules = List.copyOf(rules);
    }

    /** {@code istio.io/dry-run: "true"} makes a policy {@link #DRY_RUN}: evaluated and reported, never enforced. */
    public enum Enforcement { ENFORCED, DRY_RUN }
}
