package io.tollgate.cli.local;

/** A pod that could not be started; {@link #badInput()} when the caller's identity or flags are at fault. */
public final class PodSessionException extends Exception {
    private final boolean badInput;

    PodSessionException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    public boolean badInput() {
        return badInput;
    }
}
