package io.tollgate.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotation driven step by step: a test clock, a fixed "random" jitter, a scheduler the test runs by hand. */
class CredentialRotatorTest {
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");
    private static final RotationPolicy NO_JITTER = new RotationPolicy(0.5, 0, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @TempDir
    Path temp;
    private final TestClock clock = TestClock.atSystemTime();
    private CertificateAuthority ca;
    private final List<String> renewerCalls = new ArrayList<>();
    private boolean caReachable = true;

    @BeforeEach
    void openCa() throws Exception {
        ca = CertificateAuthority.initialize(new CaDirectory(temp), "cluster.local", Optional.empty(),
                new IssuancePolicy(Duration.ofHours(24), Duration.ofDays(7)), clock);
    }

    private WorkloadCredentials issue() throws Exception {
        var keyPair = P256.generate();
        var chain = ca.sign(SigningRequest.create(keyPair, CLIENT), new AttestedIdentity(CLIENT, "test"), Optional.empty());
        return new WorkloadCredentials(keyPair.getPrivate(), chain, ca.trustBundle());
    }

    private final Renewer renewer = current -> {
        renewerCalls.add(current.serialHex());
        if (!caReachable) {
            throw new IOException("control plane unreachable");
        }
        return issue();
    };

    @Test
    void renewsAtHalfTheLifetimeAndPublishesTheNewCredentials() throws Exception {
        WorkloadCredentials first = issue();
        CredentialRotator rotator = new CredentialRotator(first, renewer, NO_JITTER, clock, fixedRandom(0.5));
        List<WorkloadCredentials> published = new ArrayList<>();
        rotator.onRotation(published::add);
        Instant half = first.notBefore().plus(Duration.ofHours(12));

        assertThat(rotator.nextAttempt()).isEqualTo(half);
        assertThat(rotator.renewIfDue(half.minusSeconds(1))).isInstanceOf(RenewalOutcome.NotDue.class);
        assertThat(renewerCalls).isEmpty();

        clock.set(half);
        RenewalOutcome outcome = rotator.renewIfDue(half);

        assertThat(outcome).isInstanceOf(RenewalOutcome.Renewed.class);
        assertThat(rotator.current()).isNotSameAs(first).isSameAs(published.getFirst());
        assertThat(rotator.current().identity()).isEqualTo(CLIENT);
        assertThat(rotator.nextAttempt()).isEqualTo(rotator.current().notBefore().plus(Duration.ofHours(12)));
    }

    @Test
    void jitterMovesTheRenewalWithinItsBand() throws Exception {
        WorkloadCredentials credentials = issue();
        RotationPolicy jittered = new RotationPolicy(0.5, 0.1, Duration.ofSeconds(1), Duration.ofSeconds(30));

        Instant earliest = new CredentialRotator(credentials, renewer, jittered, clock, fixedRandom(0.0)).nextAttempt();
        Instant latest = new CredentialRotator(credentials, renewer, jittered, clock, fixedRandom(1.0)).nextAttempt();

        assertThat(earliest).isEqualTo(credentials.notBefore().plus(Duration.ofMinutes(24 * 60 * 4 / 10)));
        assertThat(latest).isEqualTo(credentials.notBefore().plus(Duration.ofMinutes(24 * 60 * 6 / 10)));
    }

    @Test
    void keepsTheCurrentCredentialsAndBacksOffWhileTheCaIsUnreachable() throws Exception {
        WorkloadCredentials first = issue();
        CredentialRotator rotator = new CredentialRotator(first, renewer, NO_JITTER, clock, fixedRandom(0.5));
        caReachable = false;
        Instant due = rotator.nextAttempt();

        List<Duration> delays = new ArrayList<>();
        Instant now = due;
        for (int i = 0; i < 7; i++) {
            RenewalOutcome.Failed failed = (RenewalOutcome.Failed) rotator.renewIfDue(now);
            assertThat(failed.failures()).isEqualTo(i + 1);
            assertThat(failed.cause()).hasMessage("control plane unreachable");
            delays.add(Duration.between(now, failed.nextAttempt()));
            assertThat(rotator.renewIfDue(failed.nextAttempt().minusMillis(1))).isInstanceOf(RenewalOutcome.NotDue.class);
            now = failed.nextAttempt();
        }

        assertThat(delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(rotator.current()).isSameAs(first);

        caReachable = true;
        assertThat(rotator.renewIfDue(now)).isInstanceOf(RenewalOutcome.Renewed.class);
        assertThat(rotator.current()).isNotSameAs(first);
        RenewalOutcome afterRecovery = rotator.renewIfDue(rotator.nextAttempt());
        assertThat(afterRecovery).isInstanceOf(RenewalOutcome.Renewed.class);
    }

    @Test
    void refusesRenewalsForAnotherIdentity() throws Exception {
        WorkloadCredentials first = issue();
        SpiffeId other = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/other");
        Renewer wrong = current -> {
            var keyPair = P256.generate();
            return new WorkloadCredentials(keyPair.getPrivate(),
                    ca.sign(SigningRequest.create(keyPair, other), new AttestedIdentity(other, "test"), Optional.empty()), ca.trustBundle());
        };
        CredentialRotator rotator = new CredentialRotator(first, wrong, NO_JITTER, clock, fixedRandom(0.5));

        RenewalOutcome outcome = rotator.renewIfDue(rotator.nextAttempt());

        assertThat(((RenewalOutcome.Failed) outcome).cause()).hasMessageContaining("renewal returned " + other);
        assertThat(rotator.current()).isSameAs(first);
    }

    @Test
    void startedOnASchedulerItRenewsEachTimeItIsDue() throws Exception {
        WorkloadCredentials first = issue();
        CredentialRotator rotator = new CredentialRotator(first, renewer, NO_JITTER, clock, fixedRandom(0.5));
        ManualScheduler scheduler = new ManualScheduler();

        rotator.start(scheduler);
        assertThat(scheduler.delays).containsExactly(Duration.ofHours(12));

        clock.advance(Duration.ofHours(12));
        scheduler.runNext();
        assertThat(rotator.current()).isNotSameAs(first);
        assertThat(scheduler.delays).last().isEqualTo(Duration.ofHours(12));

        caReachable = false;
        clock.advance(Duration.ofHours(12));
        scheduler.runNext();
        assertThat(scheduler.delays).last().isEqualTo(Duration.ofSeconds(1));

        rotator.stop();
        assertThat(scheduler.pending.isCancelled()).isTrue();
    }

    private static RandomGenerator fixedRandom(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    /** Records each scheduled task and its delay; the test runs the latest one when it chooses. */
    private static final class ManualScheduler implements Scheduler {
        final List<Duration> delays = new ArrayList<>();
        Runnable task;
        CompletableFuture<Void> pending;

        @Override
        public Future<?> schedule(Duration delay, Runnable task) {
            delays.add(delay);
            this.task = task;
            this.pending = new CompletableFuture<>();
            return pending;
        }

        void runNext() {
            Runnable next = task;
            task = null;
            next.run();
        }
    }
}
