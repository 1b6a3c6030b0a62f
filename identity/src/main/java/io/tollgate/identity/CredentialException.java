package io.tollgate.identity;

/**
 * Key or certificate material that cannot be used: unreadable, malformed, of the wrong kind, or inconsistent.
 * The message names the place (a file, or "CSR") and the problem, so a CLI can print it as it is.
 */
public final class CredentialException extends Exception {
    public CredentialException(String message) {
        super(message);
    }

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
