package io.tollgate.identity;

/** The CA declines to sign a request as asked (a lifetime above its maximum, an identity outside its trust domain). */
public final class IssuanceException extends Exception {
    public IssuanceException(String message) {
        super(message);
    }
}
