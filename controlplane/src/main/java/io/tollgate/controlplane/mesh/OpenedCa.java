package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.ca.CaEndpoint;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.Scheduler;

import javax.net.ssl.SSLException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The control plane's certificate side, opened: the CA, the join-token key, the signing endpoint with its serving
 * certificate, and the admin credentials. Opening it is mostly elliptic-curve work in a JVM that has not compiled
 * any of it yet, so when the state directory already holds a CA (every start after the first, and after
 * {@code tollgate ca init}) it is opened on a thread of its own while the configuration loads: the trust domain is
 * the one the CA records, and the loaded mesh config must name the same one.
 */
record OpenedCa(CertificateAuthority authority, JoinTokens tokens, CaEndpoint endpoint, AdminCredentials admin) {

    /** Opens (or, on a first start, creates) the CA for {@code trustDomain}; nothing is left running on failure. */
    static OpenedCa open(CaDirectory directory, String trustDomain, Path stateDir, Clock clock, Scheduler scheduler)
            throws CredentialException, SSLException {
        CertificateAuthority authority = CertificateAuthority.initialize(directory, trustDomain, Optional.empty(),
                IssuancePolicy.ISTIO_DEFAULTS, clock);
        JoinTokens tokens = JoinTokens.open(directory, Fingerprint.of(authority.root()), clock);
        CaEndpoint endpoint = CaEndpoint.open(authority, tokens, clock, scheduler);
        try {
            return new OpenedCa(authority, tokens, endpoint, AdminCredentials.issue(authority, stateDir));
        } catch (CredentialException | RuntimeException e) {
            endpoint.close();
            throw e;
        }
    }

    /** An opening under way on its own thread; {@link #join} waits for it. */
    static final class Early {
        private final FutureTask<OpenedCa> task;
        private final String trustDomain;

        private Early(FutureTask<OpenedCa> task, String trustDomain) {
            this.task = task;
            this.trustDomain = trustDomain;
        }

        static Early start(CaDirectory directory, String trustDomain, Path stateDir, Clock clock, Scheduler scheduler) {
            FutureTask<OpenedCa> task = new FutureTask<>(() -> open(directory, trustDomain, stateDir, clock, scheduler));
            Thread.ofPlatform().name("tollgate-ca-open").daemon(true).start(task);
            return new Early(task, trustDomain);
        }

        String trustDomain() {
            return trustDomain;
        }

        /** The opened CA, or the opening's own exception (CredentialException, SSLException or unchecked). */
        OpenedCa join() throws CredentialException, SSLException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                task.cancel(true);
                throw new CredentialException("interrupted while opening the CA", e);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case CredentialException credential -> throw credential;
                    case SSLException ssl -> throw ssl;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException("opening the CA failed", e.getCause());
                }
            }
        }

        /** Waits for the opening and undoes it: the start failed for another reason. */
        void abandon() {
            try {
                join().endpoint().close();
            } catch (CredentialException | SSLException | RuntimeException e) {
                // The start is failing already, with its own reason; this one would only hide it.
            }
        }
    }
}
