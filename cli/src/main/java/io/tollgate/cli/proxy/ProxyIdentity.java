package io.tollgate.cli.proxy;

import io.tollgate.controlplane.ca.CertificateClient;
import io.tollgate.controlplane.ca.CertificateRequestException;
import io.tollgate.identity.AttestationException;
import io.tollgate.identity.CredentialRotator;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.RotationPolicy;
import io.tollgate.identity.Scheduler;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A proxy's workload identity, as istio-agent keeps it: the first certificate bought with a join token (the control
 * plane is trusted by the root fingerprint the token carries), then renewed over mTLS before it expires by a
 * {@link CredentialRotator} on a thread of its own. Readers take {@link #current()}, lock-free; TLS contexts built
 * over it follow each rotation by themselves.
 */
public final class ProxyIdentity implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyIdentity.class);
    private final CredentialRotator rotator;
    private final ScheduledExecutorService renewals;

    private ProxyIdentity(CredentialRotator rotator, ScheduledExecutorService renewals) {
        this.rotator = rotator;
        this.renewals = renewals;
    }

    /**
     * Spends {@code token} at {@code controlPlane} ({@code host:port}) and starts renewing. The token must admit
     * exactly {@code namespace}/{@code serviceAccount}: a proxy that says one thing and holds a certificate for
     * another would be refused by the control plane later, so it is refused here, naming both.
     */
    public static ProxyIdentity bootstrap(String controlPlane, String token, String namespace, String serviceAccount,
                                          Clock clock) throws AgentStartException {
        JoinToken claims;
        try {
            claims = JoinToken.readClaims(token.strip());
        } catch (AttestationException e) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, "token: " + e.getMessage(), e);
        }
        SpiffeId admitted = claims.identity();
        if (!admitted.namespace().equals(namespace) || !admitted.serviceAccount().equals(serviceAccount)) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, "token: it admits " + admitted
                    + ", not namespace '" + namespace + "' service account '" + serviceAccount
                    + "'; mint a token for this workload or fix --namespace/--service-account");
        }
        WorkloadCredentials first;
        try {
            first = CertificateClient.withToken(controlPlane, claims, clock).request(token.strip(), Optional.empty());
        } catch (CertificateRequestException e) {
            AgentStartException.Kind kind = e.kind() == CertificateRequestException.Kind.REFUSED
                    ? AgentStartException.Kind.BAD_INPUT : AgentStartException.Kind.FAILED;
            throw new AgentStartException(kind, "certificate for " + admitted + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tollgate-renew-" + namespace + "-" + serviceAccount);
            thread.setDaemon(true);
            return thread;
        });
        // The renewing client asks for credentials() at each request, so it always authenticates with the newest.
        Holder holder = new Holder();
        CredentialRotator rotator = new CredentialRotator(first,
                CertificateClient.renewing(controlPlane, holder::current, clock).renewer(),
                RotationPolicy.DEFAULT, clock, new SplittableRandom());
        holder.rotator = rotator;
        rotator.onRotation(renewed -> LOG.info("identity {}: renewed, serial {} valid until {}", renewed.identity(),
                renewed.serialHex(), renewed.notAfter()));
        rotator.start(Scheduler.of(renewals));
        LOG.info("identity {}: serial {} valid until {}", first.identity(), first.serialHex(), first.notAfter());
        return new ProxyIdentity(rotator, renewals);
    }

    /** The credentials in force now; a new value after each renewal. */
    public WorkloadCredentials current() {
        return rotator.current();
    }

    public SpiffeId identity() {
        return rotator.current().identity();
    }

    /** Called with each renewed credential, on the renewal thread; must be quick and must not throw. */
    public void onRotation(java.util.function.Consumer<WorkloadCredentials> listener) {
        rotator.onRotation(listener);
    }

    /** Stops renewing; the credentials stay readable. */
    @Override
    public void close() {
        rotator.stop();
        renewals.shutdownNow();
    }

    /** Breaks the cycle renewer -> rotator -> renewer: the renewer reads the rotator once it exists. */
    private static final class Holder {
        private volatile CredentialRotator rotator;

        WorkloadCredentials current() {
            return rotator.current();
        }
    }
}
