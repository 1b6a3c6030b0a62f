package io.tollgate.cli.proxy;

import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.dataplane.pod.HostName;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.sidecar.OutboundListener;
import io.tollgate.dataplane.sidecar.SidecarDependencies;
import io.tollgate.dataplane.sidecar.SidecarServer;
import io.tollgate.dataplane.tls.MeshClientTls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workload's sidecar agent, what istio-agent and Envoy are together beside a pod: it gets a certificate with a
 * join token and keeps it renewed, takes the workload's outbound connections (explicit listeners or in-pod
 * capture) and routes them as the control plane's configuration says, through the egress gateway over mTLS. A
 * configuration it cannot load is refused (NACK) and the running one stays.
 *
 * <p>Threads: configurations are applied on the configuration stream's thread; the data path runs on the server's
 * event loops; every public method may be called from any thread.
 */
public final class SidecarAgent extends ProxyAgent {
    private final SidecarAgentSettings settings;
    private final SidecarDependencies dependencies;
    private final SidecarSnapshots snapshots;
    // Written on the configuration thread only; read anywhere.
    private volatile SidecarServer server;

    private SidecarAgent(SidecarAgentSettings settings, AgentCore core, SidecarDependencies dependencies) {
        super(core, settings.agent().limits().drain());
        this.settings = settings;
        this.dependencies = dependencies;
        this.snapshots = new SidecarSnapshots(settings.agent().namespace(), settings.agent().labels(),
                settings.meshServices());
    }

    /**
     * Bootstraps the identity, connects to the control plane and returns once the first configuration runs (its
     * listeners bound, its capture listener open).
     *
     * @throws AgentStartException naming what failed; nothing is left running
     */
    public static SidecarAgent start(SidecarAgentSettings settings) throws AgentStartException {
        return start(settings, HostResolver.system());
    }

    /**
     * As {@link #start(SidecarAgentSettings)}, resolving destination hosts with {@code resolver}: a local mesh's pods
     * resolve no external name themselves, so a placeholder host never reaches real DNS.
     */
    public static SidecarAgent start(SidecarAgentSettings settings, HostResolver resolver) throws AgentStartException {
        return AgentCore.start(settings.agent(), ProxyKind.SIDECAR, core -> {
            MeshClientTls tls = new MeshClientTls(core.identity::current, core.trust.verifier(),
                    core.metrics.peerRejections(), settings.agent().limits().handshakeTimeout());
            core.trust.follow(tls::trust);
            SidecarAgent agent = new SidecarAgent(settings, core, new SidecarDependencies(settings.agent().transport(),
                    tls, resolver, settings.agent().accessLog(), core.metrics));
            return new AgentCore.Parts<>(agent, agent::ready, agent::apply, agent::close);
        });
    }

    /** On the configuration thread: compile, then start the server (first time) or swap its routes. */
    private void apply(Snapshot snapshot) throws SnapshotLoader.Refused {
        SidecarSnapshots.Compiled compiled = snapshots.compile(snapshot);
        core.trust.aliases(compiled.trustDomainAliases());
        try {
            if (server == null) {
                server = SidecarServer.start(settings.inbound().settings(settings.agent().limits()), dependencies,
                        compiled.config());
            } else {
                server.update(compiled.config());
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new SnapshotLoader.Refused("version " + snapshot.version() + ": " + e.getMessage());
        }
    }

    /** The explicit listeners of the running configuration, in name order (none in capture mode). */
    public List<OutboundListener> listeners() {
        SidecarServer current = server;
        return current == null ? List.of() : current.listeners();
    }

    /** Each registered host name and the address that stands for it: what a workload's hosts file must say. */
    public Map<HostName, InetAddress> hosts() {
        SidecarServer current = server;
        return current == null ? Map.of() : current.hosts();
    }

    /** Where the capture listener listens inside its pod, in capture mode. */
    public Optional<InetSocketAddress> captureAddress() {
        SidecarServer current = server;
        return current == null ? Optional.empty() : current.captureAddress();
    }

    @Override
    public boolean ready() {
        SidecarServer current = server;
        return current != null && current.ready();
    }

    @Override
    void shutdown(Duration limit) {
        SidecarServer current = server;
        if (current != null) {
            current.shutdown(limit);
        }
    }
}
