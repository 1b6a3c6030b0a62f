package io.tollgate.policy.compile;

import io.tollgate.model.security.AuthorizationPolicy;

import java.util.Optional;

/**
 * Reads the {@code istio.io/dry-run} annotation as Istio does, with Go's {@code strconv.ParseBool}: {@code 1 t T TRUE
 * true True} and {@code 0 f F FALSE false False}. Any other value is an error that Istio logs and then treats the
 * policy as enforced; so does Tollgate, with a note. (The model's {@code dryRun()} is a looser reading; the compiler
 * uses this one.)
 */
final class DryRun {
    private DryRun() {
    }

    /** Whether the policy is dry-run; empty when the annotation has a value Go would not parse. */
    static Optional<Boolean> of(AuthorizationPolicy policy) {
        String value = policy.meta().annotations().get(AuthorizationPolicy.DRY_RUN_ANNOTATION);
        if (value == null) {
            return Optional.of(false);
        }
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
