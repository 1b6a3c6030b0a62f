package io.tollgate.dataplane.connection;

/** There is no address to dial: the response flag is UH. An expected event, so no stack trace is filled in. */
public final class NoUpstream extends RuntimeException {
    public NoUpstream(String message) {
        super(message, null, false, false);
    }
}
