package io.tollgate.identity;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. Production uses a {@link ScheduledExecutorService}; tests pass a scheduler they step
 * by hand, so rotation is tested without sleeping.
 */
@FunctionalInterface
public interface Scheduler {
    Future<?> schedule(Duration delay, Runnable task);

    static Scheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
