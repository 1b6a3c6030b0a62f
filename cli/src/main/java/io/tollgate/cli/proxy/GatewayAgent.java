package io.tollgate.cli.proxy;

import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.dataplane.gateway.GatewayConfig;
import io.tollgate.dataplane.gateway.GatewayDependencies;
import io.tollgate.dataplane.gateway.GatewayServer;
import io.tollgate.dataplane.gateway.GatewaySettings;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.tls.MeshServerTls;
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
public final class GatewayAgent extends ProxyAgent {
    private final GatewayAgentSettings settings;
    private final GatewayDependencies dependencies;
    private final GatewaySnapshots snapshots;
    // Written on the configuration thread only; read anywhere.
    private volatile GatewayServer server;
    private volatile GatewayConfig config;

    private GatewayAgent(GatewayAgentSettings settings, AgentCore core, GatewayDependencies dependencies) {
        super(core, settings.agent().limits().drain());
        this.settings = settings;
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
                    core.metrics.peerRejections(), settings.agent().limits().handshakeTimeout(),
                    settings.agent().limits().tunnels());
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

    @Override
    public boolean ready() {
        GatewayServer current = server;
        return current != null && current.ready();
    }

    @Override
    void shutdown(Duration limit) {
        GatewayServer current = server;
        if (current != null) {
            current.shutdown(limit);
        }
    }
}
