package io.tollgate.identity;

import java.time.Instant;

/** What one {@link CredentialRotator#renewIfDue} step did, and when the next attempt is due. */
public sealed interface RenewalOutcome {
    Instant nextAttempt();

    record NotDue(Instant nextAttempt) implements RenewalOutcome {
    }

    record Renewed(WorkloadCredentials credentials, Instant nextAttempt) implements RenewalOutcome {
    }

    /** The current credentials stay in force; {@code failures} counts consecutive failed attempts. */
    record Failed(Exception cause, int failures, Instant nextAttempt) implements RenewalOutcome {
    }
}
