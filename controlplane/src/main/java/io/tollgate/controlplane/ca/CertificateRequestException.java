package io.tollgate.controlplane.ca;

import java.util.Objects;

/** A certificate request that did not yield usable credentials; {@link #kind()} tells whose fault it was. */
public final class CertificateRequestException extends Exception {
    public enum Kind {
        /** The control plane said no (bad CSR, bad or used token, another identity): retrying the same will not help. */
        REFUSED,
        /** No answer: unreachable, TLS failed (e.g. the server did not present the pinned root), deadline passed. */
        UNREACHABLE,
        /** An answer that cannot be used: not a chain for our key and identity under the expected root. */
        INVALID_RESPONSE,
    }

    private final Kind kind;

    public CertificateRequestException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
