package io.tollgate.cli.proxy;

import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.dataplane.gateway.GatewayConfig;
import io.tollgate.dataplane.gateway.GatewayDependencies;
import io.tollgate.dataplane.gateway.GatewayServer;
import io.tollgate.dataplane.gateway.GatewaySettings;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.tls.MeshServerTls;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.PortNumber;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The egress gateway agent, what istio-agent and Envoy are together for an Istio egress gateway: it gets a
 * certificate with a join token and keeps it renewed, serves the Gateway server ports over mesh mTLS, and applies
 * every configuration the control plane pushes (routes and AuthorizationPolicies at once, re-checking open
 * connections); a configuration it cannot load is refused (NACK) and the running one stays.
 *
 * <p>Threads: configurations are applied on the configuration stream's thread; the server's data path runs on its
 * event loops; every public method may be called from any thread.
 */
public final class GatewayAgent implements AutoCloseable {
    private final GatewayAgentSettings settings;
    private final AgentCore core;
    private final GatewayDependencies dependencies;
    private final GatewaySnapshots snapshots;
    // Written on the configuration thread only; read anywhere.
    private volatile GatewayServer server;
    private volatile GatewayConfig config;

    private GatewayAgent(GatewayAgentSettings settings, AgentCore core, GatewayDependencies dependencies) {
        this.settings = settings;
        this.core = core;
        this.dependencies = dependencies;
        this.snapshots = new GatewaySnapshots(settings.agent().namespace(), settings.agent().labels());
    }

    /**
     * Bootstraps the identity, connects to the control plane and returns once the first configuration runs (its
     * listeners bound).
     *
     * @throws AgentStartException naming what failed; nothing is left running
     */
    public static GatewayAgent start(GatewayAgentSettings settings) throws AgentStartException {
        return AgentCore.start(settings.agent(), ProxyKind.GATEWAY, core -> {
            MeshServerTls tls = new MeshServerTls(core.identity::current, core.trust.verifier(),
                    core.metrics.peerRejections(), settings.agent().limits().handshakeTimeout());
            core.trust.follow(tls::trust);
            HostResolver resolver = HostResolver.pinned(settings.resolve(), HostResolver.system());
            GatewayAgent agent = new GatewayAgent(settings, core, new GatewayDependencies(settings.agent().transport(),
                    tls, resolver, settings.agent().accessLog(), core.metrics));
            return new AgentCore.Parts<>(agent, agent::ready, agent::apply, agent::close);
        });
    }

    /** On the configuration thread: compile, then start the server (first time) or swap its configuration. */
    private void apply(Snapshot snapshot) throws SnapshotLoader.Refused {
        GatewaySnapshots.Compiled compiled = snapshots.compile(snapshot);
        core.trust.aliases(compiled.trustDomainAliases());
        try {
            if (server == null) {
                ProxyLimits limits = settings.agent().limits();
                server = GatewayServer.start(new GatewaySettings(settings.listeners(), limits.connectTimeout(),
                        limits.idleTimeout(), limits.threads()), dependencies, compiled.config());
            } else {
                server.update(compiled.config());
            }
        } catch (IllegalStateException e) {
            throw new SnapshotLoader.Refused("version " + snapshot.version() + ": " + e.getMessage());
        }
        config = compiled.config();
    }

    /** The configuration version running now (the control plane's label). */
    public String appliedVersion() {
        return core.applied.current();
    }

    /** Waits until {@code version} runs; false if it does not within {@code limit}. */
    public boolean awaitVersion(String version, Duration limit) {
        return core.awaitVersion(version, limit);
    }

    /**
     * {@code listener} hears each configuration version after it runs (not the one running when this is called),
     * on the configuration thread; it must be quick and must not throw.
     */
    public void onApplied(java.util.function.Consumer<String> listener) {
        core.onApplied(listener);
    }

    /** Where each Gateway server port of the running configuration listens, by port. */
    public Map<PortNumber, InetSocketAddress> listeners() {
        Map<PortNumber, InetSocketAddress> bound = new LinkedHashMap<>();
        GatewayConfig running = config;
        GatewayServer current = server;
        if (running != null && current != null) {
            for (PortNumber port : running.routes().ports()) {
                current.listenerAddress(port).ifPresent(address -> bound.put(port, address));
            }
        }
        return bound;
    }

    /** Where the listener of one Gateway server port is bound, if the running configuration has that port. */
    public Optional<InetSocketAddress> listenerAddress(PortNumber serverPort) {
        GatewayServer current = server;
        return current == null ? Optional.empty() : current.listenerAddress(serverPort);
    }

    public InetSocketAddress adminAddress() {
        return core.adminAddress();
    }

    public SpiffeId identity() {
        return core.identity.identity();
    }

    /** The counters behind {@code /metrics}, for callers that watch a number. */
    public ProxyMetrics metrics() {
        return core.metrics;
    }

    /** True while the server runs and accepts: what {@code /ready} says. */
    public boolean ready() {
        GatewayServer current = server;
        return current != null && current.ready();
    }

    /** Stops taking configuration, drains open connections for the configured time, and releases everything. */
    @Override
    public void close() {
        close(settings.agent().limits().drain());
    }

    public void close(Duration drain) {
        core.closeAgent(drain, limit -> {
            GatewayServer current = server;
            if (current != null) {
                current.shutdown(limit);
            }
        });
    }
}
