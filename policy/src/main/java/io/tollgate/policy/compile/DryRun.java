package io.tollgate.policy.compile;

import io.tollgate.model.security.AuthorizationPolicy;

import java.util.Optional;

/**
 * Reads the {@code istio.io/dry-run} annotation as Istio does, with Go's {@code strconv.ParseBool}: {@code 1 t T TRUE
 * true True} and {@code 0 f F FALSE false False}. Any other value is an error that Istio logs and then treats the
 * policy as enforced; so does Tollgate, with a note.
 */
final class DryRun {
    private DryRun() {
    }

    /** Whether the policy is dry-run; empty when the annotation has a value Go would not parse. */
    static Optional<Boolean> of(AuthorizationPolicy policy) {
        return policy.dryRunAnnotation();
    }
}
