package io.tollgate.cli.proxy;

/**
 * Why a proxy agent did not start, and whose fault that is: {@link Kind#BAD_INPUT} when the operator must change
 * something (a malformed or spent token, an identity that does not match the flags, a port already taken by the
 * configuration), {@link Kind#FAILED} when something outside may recover (the control plane unreachable). Nothing
 * is left running when it is thrown.
 */
public final class AgentStartException extends Exception {
    public enum Kind { BAD_INPUT, FAILED }

    private final Kind kind;

    public AgentStartException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public AgentStartException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
