package io.tollgate.cli.proxy;

import io.netty.channel.EventLoopGroup;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.Verdict;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.dataplane.observe.AdminServer;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What both proxy agents are made of besides their data path: the workload identity and the trust it implies, the
 * metrics, the admin endpoint, and the configuration stream with the version it last applied. Started by
 * {@link #start} (identity, admin endpoint, configuration stream); {@link #close} undoes whatever was done.
 */
final class AgentCore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCore.class);

    /** Applies one snapshot to the data path, or refuses it leaving the running configuration in force. */
    @FunctionalInterface
    interface Applier {
        void apply(Snapshot snapshot) throws SnapshotLoader.Refused;
    }

    final ProxyIdentity identity;
    final PeerTrust trust;
    final ProxyMetrics metrics = new ProxyMetrics();
    final AppliedVersion applied = new AppliedVersion();
    final Clock clock;
    private EventLoopGroup adminLoop;
    private AdminServer admin;
    // Set by connect and cleared by disconnect, both on the caller's thread (start, then close).
    private volatile ConfigClient stream;
    private final List<Consumer<String>> appliedListeners = new CopyOnWriteArrayList<>();
    // Guarded by this: an agent may be closed from a shutdown hook and from its owner at once.
    private boolean closed;

    private AgentCore(ProxyIdentity identity, Clock clock) {
        this.identity = identity;
        this.trust = new PeerTrust(identity.current(), clock);
        this.clock = clock;
        identity.onRotation(renewed -> trust.bundle(renewed.trustBundle()));
    }

    /**
     * What an agent gives the core that starts it: the agent, whether its data path is ready, how it applies a
     * snapshot, and how it closes (given how long to drain).
     */
    record Parts<A>(A agent, BooleanSupplier ready, Applier applier, Consumer<Duration> close) {
    }

    /**
     * Bootstraps the identity, lets {@code build} make the agent on it, serves the admin endpoint and returns once
     * the first configuration runs. If anything fails, whatever was started is closed before the exception leaves.
     */
    static <A> A start(AgentSettings settings, ProxyKind kind, Function<AgentCore, Parts<A>> build)
            throws AgentStartException {
        AgentCore core = new AgentCore(ProxyIdentity.bootstrap(ControlPlaneStream.target(settings.controlPlane()),
                settings.token(), settings.namespace(), settings.serviceAccount(), Clock.systemUTC()), Clock.systemUTC());
        Parts<A> parts = null;
        try {
            parts = build.apply(core);
            core.serveAdmin(settings.transport(), settings.admin(), parts.ready());
            core.connect(settings.controlPlane(), ControlPlaneStream.node(kind, settings.namespace(),
                    settings.serviceAccount(), settings.labels()), parts.applier(), settings.limits().firstConfig());
            return parts.agent();
        } catch (AgentStartException | RuntimeException e) {
            if (parts != null) {
                parts.close().accept(Duration.ZERO);
            } else {
                core.close();
            }
            throw e;
        }
    }

    private void serveAdmin(Transport transport, InetSocketAddress bind, BooleanSupplier ready) throws AgentStartException {
        adminLoop = transport.newEventLoopGroup(1, "admin");
        try {
            admin = AdminServer.start(transport, adminLoop, bind, metrics, ready);
        } catch (IllegalStateException e) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, e.getMessage(), e);
        }
    }

    /**
     * Opens the configuration stream and waits for the first snapshot to be applied, so that a started proxy
     * always has a configuration (and its listeners).
     */
    private void connect(InetSocketAddress controlPlane, ProxyNode node, Applier applier, Duration firstConfig)
            throws AgentStartException {
        stream = ControlPlaneStream.start(controlPlane, identity, node, snapshot -> {
            try {
                applier.apply(snapshot);
            } catch (SnapshotLoader.Refused e) {
                LOG.warn("{}: refused configuration {}, keeping '{}': {}", node.id(), snapshot.version(),
                        applied.current(), e.getMessage());
                applied.refused(e.getMessage());
                return Verdict.reject(e.getMessage());
            }
            applied.accepted(snapshot.version());
            LOG.info("{}: running configuration {}", node.id(), snapshot.version());
            appliedListeners.forEach(listener -> listener.accept(snapshot.version()));
            return Verdict.accept();
        }, clock);
        Optional<String> refusal;
        try {
            refusal = applied.awaitFirst(firstConfig);
        } catch (TimeoutException e) {
            String failure = stream.health().lastFailure();
            throw new AgentStartException(AgentStartException.Kind.FAILED, "no configuration from the control plane at "
                    + ControlPlaneStream.target(controlPlane) + " within " + firstConfig
                    + (failure.isEmpty() ? "" : " (last failure: " + failure + ")"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentStartException(AgentStartException.Kind.FAILED, "interrupted waiting for the first configuration", e);
        }
        if (refusal.isPresent()) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, "the first configuration cannot be applied: "
                    + refusal.get());
        }
    }

    /** {@code listener} hears each version once it runs, on the configuration thread; it must not block long. */
    void onApplied(Consumer<String> listener) {
        appliedListeners.add(listener);
    }

    InetSocketAddress adminAddress() {
        return admin.address();
    }

    boolean awaitVersion(String version, Duration limit) {
        try {
            return applied.await(version, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Closes the agent once, whichever thread asks first: stops taking configuration, lets the data path drain
     * ({@code shutdown} is given {@code drain}), then releases the core.
     */
    synchronized void closeAgent(Duration drain, Consumer<Duration> shutdown) {
        if (closed) {
            return;
        }
        closed = true;
        disconnect();
        shutdown.accept(drain);
        close();
    }

    /** Stops taking configuration: after this returns the applier is never called again. */
    private void disconnect() {
        ConfigClient open = stream;
        stream = null;
        if (open != null) {
            try {
                open.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        disconnect();
        if (admin != null) {
            admin.close();
        }
        if (adminLoop != null) {
            adminLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        identity.close();
    }
}
