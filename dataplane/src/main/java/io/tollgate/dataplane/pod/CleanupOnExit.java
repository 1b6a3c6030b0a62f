package io.tollgate.dataplane.pod;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cleanup exactly once: when {@link #close()} is called on the normal path, or from a JVM shutdown hook
 * when the process is stopped first (Ctrl-C, SIGTERM, an uncaught crash that ends the JVM), so {@code tollgate run}
 * leaves no pod behind. A SIGKILL runs no hook; {@link Pods#removeLeftovers()} covers that case next time.
 *
 * <pre>{@code
 * Pod pod = pods.create(spec);
 * try (CleanupOnExit cleanup = CleanupOnExit.install("pod " + pod.name(), pod::close)) {
 *     return pod.exec(command);
 * }
 * }</pre>
 */
public final class CleanupOnExit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CleanupOnExit.class);
    /** How long the shutdown hook waits for a cleanup already running on the normal path. */
    private static final Duration AWAIT_RUNNING = Duration.ofSeconds(15);

    /** The work to do; may throw, the failure is reported. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws Exception;
    }

    private final String what;
    private final Cleanup cleanup;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Thread hook;

    private CleanupOnExit(String what, Cleanup cleanup) {
        this.what = what;
        this.cleanup = cleanup;
        this.hook = Thread.ofPlatform().name("cleanup " + what).unstarted(this::onShutdown);
    }

    /** Registers the shutdown hook; {@code what} names the resource in log lines, e.g. {@code "pod tg-3"}. */
    public static CleanupOnExit install(String what, Cleanup cleanup) {
        CleanupOnExit registration = new CleanupOnExit(Objects.requireNonNull(what), Objects.requireNonNull(cleanup));
        Runtime.getRuntime().addShutdownHook(registration.hook);
        return registration;
    }

    /** Runs the cleanup now (unless it already ran) and unregisters the hook; throws what the cleanup threw. */
    @Override
    public void close() throws Exception {
        try {
            runOnce();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook will find the cleanup done (or running) and return.
            }
        }
    }

    // On the hook thread, during JVM shutdown.
    private void onShutdown() {
        try {
            runOnce();
        } catch (Exception e) {
            LOG.warn("cleanup of {} at exit failed: {}", what, e.toString());
        }
    }

    private void runOnce() throws Exception {
        if (started.compareAndSet(false, true)) {
            try {
                cleanup.run();
                finished.complete(null);
            } catch (Exception | Error e) {
                finished.completeExceptionally(e);
                throw e;
            }
            return;
        }
        // Someone else is cleaning up (normal path and a signal at once): wait, so the JVM does not exit mid-way.
        try {
            finished.get(AWAIT_RUNNING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException alreadyReported) {
            // The thread that ran the cleanup reports its failure.
        } catch (TimeoutException e) {
            LOG.warn("cleanup of {} still running after {} s", what, AWAIT_RUNNING.toSeconds());
        }
    }
}
