package io.tollgate.model.security;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;

import java.util.List;
import java.util.Optional;

/**
 * {@code security.istio.io} AuthorizationPolicy, as loaded and validated. Lists are empty when the YAML omits them.
 * An ALLOW policy with no rules ({@code spec: {}}) matches nothing and so denies every workload it applies to.
 *
 * @param selector   {@code spec.selector}, absent when the policy applies to every workload in its namespace
 * @param targetRefs {@code spec.targetRef} and {@code spec.targetRefs} together; non-empty means the policy binds to
 *                   Gateway API resources and not to classic workloads
 */
public record AuthorizationPolicy(ObjectMeta meta, Optional<WorkloadSelector> selector, List<TargetRef> targetRefs,
                                  Action action, List<Rule> rules) implements Resource {
    public static final String DRY_RUN_ANNOTATION = "istio.io/dry-run";

    public AuthorizationPolicy {
        targetRefs = List.copyOf(targetRefs);
        rules = List.copyOf(rules);
    }

    @Override
    public String kind() {
        return "AuthorizationPolicy";
    }

    /** A dry-run policy is evaluated and reported, never enforced. An unreadable annotation value means enforced. */
    public boolean dryRun() {
        return dryRunAnnotation().orElse(false);
    }

    /**
     * The {@code istio.io/dry-run} annotation read as Istio reads it, with Go's {@code strconv.ParseBool}: {@code 1 t T
     * TRUE true True} and {@code 0 f F FALSE false False}; empty for any other value (Istio logs it and enforces).
     * False when the annotation is absent.
     */
    public Optional<Boolean> dryRunAnnotation() {
        String value = meta.annotations().get(DRY_RUN_ANNOTATION);
        if (value == null) {
            return Optional.of(false);
        }
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    public enum Action { ALLOW, DENY, AUDIT, CUSTOM }
}
