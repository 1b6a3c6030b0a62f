package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDistributor;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Scheduler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Serving while the files load. When the state directory already holds a CA (every start after the first, and
 * after {@code tollgate ca init}) its trust domain is known before the configuration is, so a thread of its own
 * opens the CA (mostly elliptic-curve work in a JVM that has compiled none of it yet), binds the port and accepts
 * proxies: they connect, handshake and say hello during the load, and the first version reaches all of them the
 * moment it is validated. A restarted control plane so has its proxies back without waiting out their reconnect
 * backoff, and the loaded mesh config must name the CA's trust domain.
 */
final class EarlyServing {
    private final FutureTask<Serving> task;
    private final String trustDomain;

    private EarlyServing(FutureTask<Serving> task, String trustDomain) {
        this.task = task;
        this.trustDomain = trustDomain;
    }

    static EarlyServing start(CaDirectory directory, String trustDomain, Path stateDir, InetSocketAddress listen,
                              Clock clock, Scheduler scheduler) {
        FutureTask<Serving> task = new FutureTask<>(() -> {
            OpenedCa ca = OpenedCa.open(directory, trustDomain, clock, scheduler);
            try {
                return Serving.start(ca, new ConfigDistributor<>(new ModelScope(), clock), listen, stateDir, clock);
            } catch (IOException | CredentialException | RuntimeException e) {
                ca.endpoint().close();
                throw e;
            }
        });
        Thread.ofPlatform().name("tollgate-early-serving").daemon(true).start(task);
        return new EarlyServing(task, trustDomain);
    }

    /** The trust domain the CA records. */
    String trustDomain() {
        return trustDomain;
    }

    /** The port, serving without a version; or the opening's own exception (credentials, or the port). */
    Serving join() throws CredentialException, IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            abandon(); // the opening would otherwise finish unwatched, holding the port
            Thread.currentThread().interrupt();
            throw new CredentialException("interrupted while opening the CA", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case CredentialException credential -> throw credential;
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException("opening the CA failed", e.getCause());
            }
        }
    }

    /**
     * Waits for the opening and undoes it: the start failed for another reason. The wait is not cut short by an
     * interrupt (the opening would finish unwatched and keep the port); the interrupt is kept for the caller.
     */
    void abandon() {
        boolean interrupted = false;
        while (true) {
            try {
                task.get().abandon();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | RuntimeException e) {
                // The opening failed and undid itself; the start is failing already, with its own reason.
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
