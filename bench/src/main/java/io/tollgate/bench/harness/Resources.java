package io.tollgate.bench.harness;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a run starts, closed in reverse order exactly once: at the end of the run, or from the JVM's
 * shutdown hook when the run is interrupted (Ctrl-C, SIGTERM). Closing is synchronised because the hook runs on
 * its own thread while the main thread may still be starting things.
 */
final class Resources implements AutoCloseable {
    private final Deque<AutoCloseable> stack = new ArrayDeque<>();
    private final Progress progress;
    private boolean closed;

    Resources(Progress progress) {
        this.progress = progress;
    }

    /** Registers {@code resource} to be closed with this scope; if the scope is already closed, closes it now. */
    synchronized <T extends AutoCloseable> T add(T resource) {
        if (closed) {
            closeQuietly(resource);
            throw new IllegalStateException("run is shutting down");
        }
        stack.push(resource);
        return resource;
    }

    /** Closes {@code resource} now and forgets it (e.g. an arm's processes at the end of a round). */
    synchronized void release(AutoCloseable resource) {
        if (stack.remove(resource)) {
            closeQuietly(resource);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!stack.isEmpty()) {
            closeQuietly(stack.pop());
        }
    }

    private void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // Shutting down: report and carry on closing the rest, so nothing is left running.
            progress.note("closing " + resource + ": " + e.getMessage());
        }
    }
}
