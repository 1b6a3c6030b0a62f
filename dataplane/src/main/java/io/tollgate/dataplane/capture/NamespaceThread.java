package io.tollgate.dataplane.capture;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a short task inside another network namespace, the way ztunnel's in-pod mode creates sockets in a
 * pod: on one dedicated platform thread, {@code setns(CLONE_NEWNET)} into the namespace, run the task, and
 * {@code setns} back before the thread ends. A socket belongs to the namespace it was created in for its whole
 * life, so what the task creates keeps working from the root namespace afterwards.
 *
 * <p>Why a dedicated platform thread: setns changes only the calling OS thread. A virtual thread could move to
 * another carrier mid-task, and a pooled thread would carry the pod's namespace into unrelated work. Our thread
 * runs nothing else and ends right after, so even a failed switch back cannot leak the namespace anywhere.
 */
public final class NamespaceThread {
    private static final String OWN_NAMESPACE = "/proc/thread-self/ns/net";

    /** Work to run inside the namespace; runs on the namespace thread, so it must not block for long. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws IOException;
    }

    private NamespaceThread() {
    }

    /**
     * Runs {@code task} inside the network namespace whose handle is {@code namespaceFile} (e.g.
     * {@code /var/run/netns/tg-1}) and returns its result; blocks the caller until then. Needs CAP_SYS_ADMIN.
     */
    public static <T> T call(Path namespaceFile, Task<T> task) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().name("netns-" + namespaceFile.getFileName()).daemon(true).unstarted(() -> {
            try {
                result.complete(inside(namespaceFile, task));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        thread.start();
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for work in " + namespaceFile);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error error -> throw error;
                case Throwable other -> throw new IOException(other);
            }
        }
    }

    // Runs on the dedicated thread only.
    private static <T> T inside(Path namespaceFile, Task<T> task) throws IOException {
        int original = Libc.open(OWN_NAMESPACE, Libc.O_RDONLY | Libc.O_CLOEXEC);
        try {
            int target = Libc.open(namespaceFile.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC);
            try {
                Libc.setns(target, Libc.CLONE_NEWNET, "setns(" + namespaceFile + ", CLONE_NEWNET)");
            } finally {
                Libc.close(target, "close(" + namespaceFile + ")");
            }
            try {
                return task.run();
            } finally {
                Libc.setns(original, Libc.CLONE_NEWNET, "setns(back to the thread's own namespace, CLONE_NEWNET)");
            }
        } finally {
            Libc.close(original, "close(" + OWN_NAMESPACE + ")");
        }
    }
}
