package io.tollgate.identity;

import java.util.Objects;

/**
 * An identity a caller has proved, with what proved it (for the issuance log: e.g. "join token 3f2a…",
 * "mesh certificate serial 9c…"). Only an {@link Attestor} or the mTLS renewal path makes one.
 */
public record AttestedIdentity(SpiffeId identity, String evidence) {
    public AttestedIdentity {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(evidence, "evidence");
    }
}
