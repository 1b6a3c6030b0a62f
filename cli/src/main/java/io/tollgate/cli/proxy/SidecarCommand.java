package io.tollgate.cli.proxy;

import io.tollgate.cli.CommandFailure;
import io.tollgate.dataplane.sidecar.ExplicitListeners;
import io.tollgate.dataplane.sidecar.OutboundListener;
import io.tollgate.policy.compile.MeshService;
import io.tollgate.policy.compile.MeshServices;
import io.tollgate.policy.route.Hostname;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tollgate sidecar}: a workload's sidecar in the foreground, with one loopback listener per registered
 * destination. Prints {@code outbound HOST:PORT -> IP:PORT} for each, then serves until SIGINT/SIGTERM, when it
 * drains.
 */
@Command(name = "sidecar", mixinStandardHelpOptions = true,
        description = {"Run a sidecar for this host's workloads: a loopback listener per registered host:port.",
                "Routed as the control plane's configuration says (through the egress gateway over mTLS).",
                "Stops (draining) on SIGINT/SIGTERM."})
public final class SidecarCommand implements Callable<Integer> {
    /** Where {@code tollgate gateway} listens by default for the seed's Gateway server port. */
    static final String DEFAULT_MESH_SERVICE = "istio-egressgateway.istio-system.svc.cluster.local:13306=127.0.0.1:13306";

    @Spec
    CommandSpec spec;

    @Mixin
    ProxyFlags flags;

    @Option(names = "--bind", paramLabel = "HOST=IP", converter = HostAddress.Converter.class,
            description = "Listen for HOST on this loopback address instead of an auto-allocated 127.255.x.y (repeatable).")
    List<HostAddress> binds = new ArrayList<>();

    @Option(names = "--hosts-file", paramLabel = "FILE",
            description = "Keep the listeners in FILE in /etc/hosts format (rewritten on every change).")
    Path hostsFile;

    @Option(names = "--mesh-service", paramLabel = "HOST:PORT=IP:PORT", converter = MeshServiceConverter.class,
            description = {"Where an in-mesh service listens (repeatable); default: " + DEFAULT_MESH_SERVICE,
                    "(the egress gateway as 'tollgate gateway' runs it on this host)."})
    List<MeshService> meshServices = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return CommandFailure.run(spec, () -> {
            try {
                ExplicitListeners listeners = explicitListeners();
                ProxyLimits limits = flags.limits();
                ProxyFlags.leakDetectionOffByDefault();
                Optional<Writer> log = flags.accessLogWriter(out);
                List<MeshService> services = meshServices.isEmpty() ? List.of(MeshService.parse(DEFAULT_MESH_SERVICE)) : meshServices;
                SidecarAgent agent = SidecarAgent.start(SidecarAgentSettings.of(flags.controlPlane, flags.tokenText(),
                                flags.namespace, flags.serviceAccount, flags.labels)
                        .withInbound(new SidecarInbound.Explicit(listeners))
                        .withMeshServices(MeshServices.of(services))
                        .withAdmin(flags.admin)
                        .withAccessLog(ProxyFlags.accessLog(log))
                        .withLimits(limits));
                out.println("sidecar " + agent.identity() + " running configuration " + agent.appliedVersion());
                out.println("admin http://" + ControlPlaneStream.target(agent.adminAddress()) + "/metrics");
                for (OutboundListener listener : agent.listeners()) {
                    out.println(listener.line());
                }
                out.flush();
                return Foreground.run("sidecar", () -> {
                    agent.close();
                    flags.closeAccessLog(log, out);
                }, out);
            } catch (AgentStartException e) {
                throw AgentFailure.of(e);
            }
        });
    }

    private ExplicitListeners explicitListeners() throws AgentStartException {
        Map<Hostname, InetAddress> pinned = new LinkedHashMap<>();
        for (HostAddress bind : binds) {
            InetAddress previous = pinned.put(bind.host(), bind.address());
            if (previous != null) {
                throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, "--bind " + bind.host() + ": given twice ("
                        + previous.getHostAddress() + " and " + bind.address().getHostAddress() + "); a host has one address");
            }
        }
        try {
            return new ExplicitListeners(pinned, Optional.ofNullable(hostsFile));
        } catch (IllegalArgumentException e) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, "--" + e.getMessage(), e);
        }
    }
}
