package io.tollgate.identity;

import java.util.Objects;

/** An {@link Attestor} refused a credential; {@link #reason()} says which check failed, the message says how. */
public final class AttestationException extends Exception {
    public enum Reason {
        /** Not a credential of the expected form at all. */
        MALFORMED,
        /** The signature does not verify: not minted with this control plane's key. */
        FORGED,
        EXPIRED,
        /** A single-use credential presented a second time. */
        REPLAYED,
        /** Minted for another CA (the root it pins is not this CA's). */
        WRONG_CA,
        /** Valid, but for another identity than the one requested. */
        IDENTITY_MISMATCH,
    }

    private final Reason reason;

    public AttestationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
