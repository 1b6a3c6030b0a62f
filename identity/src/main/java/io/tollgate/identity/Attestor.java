package io.tollgate.identity;

/**
 * Decides whether a bearer credential entitles its holder to a certificate for {@code requested}. Join tokens
 * ({@link JoinTokens}) are one kind; Kubernetes service-account tokens checked by TokenReview are meant to be
 * another. An attestor may consume the credential (join tokens are single use), so it is called once, after the
 * CSR itself has been checked.
 */
public interface Attestor {
    /** Returns the attested identity, which equals {@code requested}, or throws saying why not. */
    AttestedIdentity attest(String credential, SpiffeId requested) throws AttestationException;
}
