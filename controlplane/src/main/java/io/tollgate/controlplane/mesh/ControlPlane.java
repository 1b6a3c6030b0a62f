package io.tollgate.controlplane.mesh;

import io.grpc.Status;
import io.tollgate.controlplane.ca.CaEndpoint;
import io.tollgate.controlplane.digest.Sha256;
import io.tollgate.controlplane.distribution.ConfigDistributor;
import io.tollgate.controlplane.distribution.DistributionServer;
import io.tollgate.controlplane.distribution.DistributionService;
import io.tollgate.controlplane.distribution.Rejection;
import io.tollgate.controlplane.source.ConfigPaths;
import io.tollgate.controlplane.source.ConfigWatcher;
import io.tollgate.controlplane.source.SourceOutcome;
import io.tollgate.controlplane.source.WatchSettings;
import io.tollgate.controlplane.status.StatusReport;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.Scheduler;
import io.tollgate.identity.SpiffeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Tollgate's istiod: the mesh CA and live configuration for every proxy, on one TLS port. Started once; the watcher
 * thread publishes each valid change of the files (the last good version stays in force on an invalid one), the
 * gRPC threads serve proxies, a scheduler thread renews the serving certificate.
 */
public final class ControlPlane implements AutoCloseable {
    /** The {@code source} of the mesh config document shipped to proxies (it has no kind of its own). */
    public static final String MESH_CONFIG_SOURCE = "mesh-config";
    /** The file in the state directory that tells tools ({@code tollgate status}) where the control plane listens. */
    public static final String ADDRESS_FILE = "control-plane.address";
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

    private final ScheduledExecutorService scheduler;
    private final CaEndpoint ca;
    private final JoinTokens tokens;
    private final ConfigWatcher<LoadedMesh> watcher;
    private final ConfigDistributor<LoadedMesh> distributor;
    private final DistributionService<LoadedMesh> distribution;
    private final DistributionServer server;
    private final AdminCredentials admin;

    private ControlPlane(ScheduledExecutorService scheduler, CaEndpoint ca, JoinTokens tokens, ConfigWatcher<LoadedMesh> watcher,
                         ConfigDistributor<LoadedMesh> distributor, DistributionService<LoadedMesh> distribution,
                         DistributionServer server, AdminCredentials admin) {
        this.scheduler = scheduler;
        this.ca = ca;
        this.tokens = tokens;
        this.watcher = watcher;
        this.distributor = distributor;
        this.distribution = distribution;
        this.server = server;
        this.admin = admin;
    }

    /**
     * Loads and validates the configuration, opens (or creates) the CA, and starts serving. With a CA made earlier,
     * the CA opens and the port serves while the files load ({@link EarlyServing}); the first version then goes
     * to every proxy that connected meanwhile.
     *
     * @throws ControlPlaneException with every diagnostic when the initial configuration is invalid, or with the
     *                               reason when the CA or the port cannot be had; nothing is left running then
     */
    public static ControlPlane start(ControlPlaneSettings settings, Clock clock) throws ControlPlaneException {
        ConfigWatcher<LoadedMesh> watcher;
        try {
            watcher = new ConfigWatcher<>(new ConfigPaths(settings.resources(), settings.meshConfig()), new ModelValidator(),
                    WatchSettings.DEFAULT, clock);
        } catch (IOException e) {
            throw new ControlPlaneException(List.of("cannot watch the configuration: " + e.getMessage()));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tollgate-control-plane-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        CaDirectory directory = new CaDirectory(settings.stateDir());
        Optional<EarlyServing> early = recordedTrustDomain(directory).map(recorded -> EarlyServing.start(directory, recorded,
                settings.stateDir(), settings.listen(), clock, Scheduler.of(scheduler)));
        SourceOutcome<LoadedMesh> initial;
        try {
            initial = watcher.loadInitial();
        } catch (RuntimeException | Error e) {
            early.ifPresent(EarlyServing::abandon);
            shutdown(watcher, null, scheduler);
            throw e;
        }
        if (initial instanceof SourceOutcome.Refused<LoadedMesh>(Rejection rejection)) {
            early.ifPresent(EarlyServing::abandon);
            shutdown(watcher, null, scheduler);
            throw new ControlPlaneException(rejection.diagnostics());
        }
        var config = ((SourceOutcome.Accepted<LoadedMesh>) initial).config();
        String trustDomain = config.parsed().resources().mesh().trustDomain();
        CaEndpoint ca = null;
        Serving serving = null;
        try {
            if (early.isPresent()) {
                if (!early.get().trustDomain().equals(trustDomain)) {
                    early.get().abandon();
                    throw new ControlPlaneException(List.of("the CA in " + settings.stateDir() + " is for trust domain "
                            + early.get().trustDomain() + " but the mesh config says " + trustDomain
                            + "; use another --state-dir or the same trustDomain"));
                }
                serving = early.get().join();
                ca = serving.ca().endpoint();
                // Proxies that connected during the load get this first version now.
                serving.distributor().accepted(config);
            } else {
                OpenedCa opened = OpenedCa.open(directory, trustDomain, clock, Scheduler.of(scheduler));
                ca = opened.endpoint();
                serving = Serving.start(opened, new ConfigDistributor<>(config, new ModelScope(), clock), settings.listen(),
                        settings.stateDir(), clock);
            }
            watcher.start(serving.distributor());
            Files.writeString(settings.stateDir().resolve(ADDRESS_FILE), hostPort(serving.server().address()) + "\n");
            LOG.info("control plane {} serving on {} (trust domain {}; SHA-256 by {})", config.version(), serving.server().address(),
                    trustDomain, Sha256.isNative() ? "libcrypto" : "the JDK");
            return new ControlPlane(scheduler, ca, serving.ca().tokens(), watcher, serving.distributor(), serving.distribution(),
                    serving.server(), serving.admin());
        } catch (CredentialException e) {
            shutdown(watcher, serving, ca, scheduler);
            throw new ControlPlaneException(List.of(e.getMessage()));
        } catch (IOException e) {
            shutdown(watcher, serving, ca, scheduler);
            throw new ControlPlaneException(List.of("cannot serve on " + settings.listen() + ": " + e.getMessage()));
        } catch (ControlPlaneException | RuntimeException e) {
            shutdown(watcher, serving, ca, scheduler);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** A single-use join token for {@code identity}, as {@code tollgate token create} mints. */
    public String mintToken(SpiffeId identity, Duration ttl) {
        return tokens.mint(identity, ttl);
    }

    public Fingerprint rootFingerprint() {
        return Fingerprint.of(ca.authority().root());
    }

    public String trustDomain() {
        return ca.authority().trustDomain();
    }

    /** The version in force: the last configuration that passed validation. */
    public String version() {
        return distributor.current().version();
    }

    public StatusReport status() {
        return distributor.status();
    }

    /** Where the admin credentials ({@code tollgate status} uses them) were written. */
    public AdminCredentials admin() {
        return admin;
    }

    /** Stops watching, ends proxy streams (proxies keep their configuration and reconnect), stops serving. */
    @Override
    public void close() {
        closeQuietly(watcher);
        distribution.closeStreams(Status.UNAVAILABLE.withDescription("control plane shutting down"));
        try {
            server.stop(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ca.close();
        scheduler.shutdownNow();
    }

    /** The trust domain of a CA made earlier; empty when there is none, or when it cannot be read (opening says why). */
    private static Optional<String> recordedTrustDomain(CaDirectory directory) {
        try {
            return directory.trustDomain();
        } catch (CredentialException e) {
            return Optional.empty();
        }
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static void shutdown(ConfigWatcher<LoadedMesh> watcher, CaEndpoint ca, ScheduledExecutorService scheduler) {
        shutdown(watcher, null, ca, scheduler);
    }

    /** Undoes a start that failed: whatever of the port and the CA it had opened, then the watcher. */
    private static void shutdown(ConfigWatcher<LoadedMesh> watcher, Serving serving, CaEndpoint ca, ScheduledExecutorService scheduler) {
        closeQuietly(watcher);
        if (serving != null) {
            serving.abandon();
        } else if (ca != null) {
            ca.close();
        }
        scheduler.shutdownNow();
    }

    private static void closeQuietly(ConfigWatcher<LoadedMesh> watcher) {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.warn("closing the configuration watcher: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
