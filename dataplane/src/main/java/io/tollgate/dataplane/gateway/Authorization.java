package io.tollgate.dataplane.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Asking the authorizer, failing closed, and phrasing its answer for logs. */
final class Authorization {
    private static final Logger LOG = LoggerFactory.getLogger(Authorization.class);

    private Authorization() {
    }

    /**
     * The authorizer's verdict; if it throws (a bug in it), the connection is denied rather than let through
     * unchecked, and the failure is logged once with the facts that caused it.
     */
    static Verdict decide(ConnectionAuthorizer authorizer, ConnectionFacts facts) {
        try {
            Verdict verdict = authorizer.decide(facts);
            if (verdict == null) {
                return Verdict.deny(Optional.empty(), "the authorizer gave no verdict; denied to fail closed");
            }
            return verdict;
        } catch (RuntimeException bug) {
            LOG.error("authorizer failed for {}; denying", facts, bug);
            return Verdict.deny(Optional.empty(), "the authorizer failed (" + bug + "); denied to fail closed");
        }
    }

    /**
     * The verdict's reason, which names the deciding policy when one decided; prefixed with {@code denied: } only
     * when the reason does not already say so (the AuthorizationPolicy engine's reasons do).
     */
    static String denial(Verdict verdict) {
        String reason = verdict.reason();
        if (reason.startsWith("denied")) {
            return reason;
        }
        return verdict.policy().map(p -> "denied by " + p + ": " + reason).orElse("denied: " + reason);
    }
}
