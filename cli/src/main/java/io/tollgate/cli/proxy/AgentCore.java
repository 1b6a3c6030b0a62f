package io.tollgate.cli.proxy;

import io.netty.channel.EventLoopGroup;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.Verdict;
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

/**
 * What both proxy agents are made of besides their data path: the workload identity and the trust it implies, the
 * metrics, the admin endpoint, and the configuration stream with the version it last applied. Built in the order
 * {@link #bootstrap}, {@link #serveAdmin}, {@link #connect}; {@link #close} undoes whatever was done.
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

    private AgentCore(ProxyIdentity identity, Clock clock) {
        this.identity = identity;
        this.trust = new PeerTrust(identity.current(), clock);
        this.clock = clock;
        identity.onRotation(renewed -> trust.bundle(renewed.trustBundle()));
    }

    static AgentCore bootstrap(InetSocketAddress controlPlane, String token, String namespace, String serviceAccount,
                               Clock clock) throws AgentStartException {
        return new AgentCore(ProxyIdentity.bootstrap(ControlPlaneStream.target(controlPlane), token, namespace,
                serviceAccount, clock), clock);
    }

    void serveAdmin(Transport transport, InetSocketAddress bind, BooleanSupplier ready) throws AgentStartException {
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
    void connect(InetSocketAddress controlPlane, ProxyNode node, Applier applier, Duration firstConfig)
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

    /** Stops taking configuration: after this returns the applier is never called again. */
    void disconnect() {
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
