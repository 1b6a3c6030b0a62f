package io.tollgate.identity;

import java.security.cert.CertificateException;
import java.util.Objects;

/**
 * A peer's certificate chain failed {@link PeerVerifier}. It is a {@link CertificateException} so that a trust
 * manager can throw it straight into the TLS handshake; {@link #reason()} is for counting, the message for people.
 */
public final class PeerRejectedException extends CertificateException {
    public enum Reason {
        EMPTY_CHAIN,
        EXPIRED,
        NOT_YET_VALID,
        /** The chain does not end at the mesh trust bundle (another CA, a bad signature, a broken chain). */
        UNTRUSTED_CA,
        /** The leaf is itself a CA certificate. */
        LEAF_IS_CA,
        NO_URI_SAN,
        MULTIPLE_URI_SANS,
        NOT_SPIFFE,
        WRONG_TRUST_DOMAIN,
        /** A valid mesh identity, but not the one this connection must reach (e.g. not the control plane). */
        UNEXPECTED_IDENTITY,
    }

    private final Reason reason;

    public PeerRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PeerRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
