package io.tollgate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Keeps a workload's credentials fresh. Renews at a jittered fraction of the lifetime ({@link RotationPolicy});
 * publishes the new credentials with one volatile write, so readers ({@link #current()}, a
 * {@link RotatingKeyManager}) switch atomically: new handshakes get the new certificate, open connections are
 * untouched. A failed renewal keeps the current credentials in force (until they expire; after that peers refuse
 * them, but there is nothing better to offer) and is retried with exponential backoff.
 * <p>Threads: {@link #renewIfDue} and the scheduling methods are serialised on {@code this}; the renewer runs on
 * the caller's (scheduler's) thread; {@link #current()} is lock-free from any thread.
 */
public final class CredentialRotator {
    private final Renewer renewer;
    private final RotationPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final List<Consumer<WorkloadCredentials>> listeners = new CopyOnWriteArrayList<>();

    private volatile WorkloadCredentials current;
    // Guarded by this.
    private Instant nextAttempt;
    private int failures;
    private Scheduler scheduler;
    private Future<?> pending;

    public CredentialRotator(WorkloadCredentials initial, Renewer renewer, RotationPolicy policy, Clock clock, RandomGenerator random) {
        this.current = Objects.requireNonNull(initial, "initial");
        this.renewer = Objects.requireNonNull(renewer, "renewer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.nextAttempt = renewalTime(initial);
    }

    public WorkloadCredentials current() {
        return current;
    }

    public synchronized Instant nextAttempt() {
        return nextAttempt;
    }

    /** Called after each rotation with the new credentials, on the renewing thread; must not throw. */
    public void onRotation(Consumer<WorkloadCredentials> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Renews if {@code now} has reached the next attempt time; otherwise does nothing. */
    public synchronized RenewalOutcome renewIfDue(Instant now) {
        if (now.isBefore(nextAttempt)) {
            return new RenewalOutcome.NotDue(nextAttempt);
        }
        WorkloadCredentials renewed;
        try {
            renewed = renewer.renew(current);
            if (!renewed.identity().equals(current.identity())) {
                throw new IllegalStateException("renewal returned " + renewed.identity() + " for " + current.identity());
            }
        } catch (Exception e) {
            failures++;
            nextAttempt = now.plus(policy.backoff(failures));
            return new RenewalOutcome.Failed(e, failures, nextAttempt);
        }
        failures = 0;
        current = renewed;
        nextAttempt = renewalTime(renewed);
        listeners.forEach(listener -> listener.accept(renewed));
        return new RenewalOutcome.Renewed(renewed, nextAttempt);
    }

    /** Renews on {@code scheduler} from now on, each attempt scheduling the next. */
    public synchronized void start(Scheduler scheduler) {
        if (this.scheduler != null) {
            throw new IllegalStateException("already started");
        }
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        scheduleNext();
    }

    public synchronized void stop() {
        scheduler = null;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void scheduleNext() {
        Duration delay = Duration.between(clock.instant(), nextAttempt);
        pending = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, this::runScheduled);
    }

    private synchronized void runScheduled() {
        if (scheduler == null) {
            return; // stopped while this run was queued
        }
        try {
            renewIfDue(clock.instant());
        } finally {
            if (scheduler != null) {
                scheduleNext();
            }
        }
    }

    private Instant renewalTime(WorkloadCredentials credentials) {
        double jitter = policy.jitterFraction() * (2 * random.nextDouble() - 1);
        long lifetimeMillis = credentials.lifetime().toMillis();
        return credentials.notBefore().plusMillis(Math.round(lifetimeMillis * (policy.renewAtFraction() + jitter)));
    }
}
