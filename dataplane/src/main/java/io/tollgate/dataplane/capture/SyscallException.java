package io.tollgate.dataplane.capture;

import java.io.IOException;

/**
 * A Linux system call failed. The message names the call, what it was applied to, and the errno with the C
 * library's text for it, e.g. {@code setns(/var/run/netns/tg-1, CLONE_NEWNET) failed: errno 1 (Operation not permitted)}.
 */
public final class SyscallException extends IOException {
    private final String call;
    private final int errno;

    SyscallException(String call, int errno, String description) {
        super(call + " failed: errno " + errno + " (" + description + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The call as written in the message, with its arguments, e.g. {@code bind(127.0.0.1:15001)}. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
