package io.tollgate.cli.proxy;

import io.tollgate.cli.CommandFailure;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tollgate gateway}: the egress gateway in the foreground. Prints its identity, admin address and the port
 * each Gateway server listens on, then serves until SIGINT/SIGTERM, when it drains.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Run the egress gateway: mTLS in, AuthorizationPolicy, out to registered destinations only.",
                "Configuration comes from the control plane; stops (draining) on SIGINT/SIGTERM."})
public final class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProxyFlags flags;

    @Option(names = "--resolve", paramLabel = "HOST=IP", converter = HostAddress.Converter.class,
            description = "Resolve HOST to IP instead of asking DNS (repeatable; like curl's --resolve).")
    List<HostAddress> resolve = new ArrayList<>();

    @Option(names = "--listen-address", paramLabel = "IP", converter = IpLiteralConverter.class,
            description = "Bind each Gateway server port on this address, same port number (default: 127.0.0.1).")
    InetAddress listenAddress = InetAddress.getLoopbackAddress();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return CommandFailure.run(spec, () -> {
            try {
                ProxyLimits limits = flags.limits();
                ProxyFlags.leakDetectionOffByDefault();
                Optional<Writer> log = flags.accessLogWriter(out);
                GatewayAgent agent = GatewayAgent.start(GatewayAgentSettings.of(flags.controlPlane, flags.tokenText(),
                                flags.namespace, flags.serviceAccount, flags.labels)
                        .withResolve(HostAddress.grouped(resolve))
                        .withListeners(ListenerAddresses.samePort(listenAddress))
                        .withAdmin(flags.admin)
                        .withAccessLog(ProxyFlags.accessLog(log))
                        .withLimits(limits));
                out.println("gateway " + agent.identity() + " running configuration " + agent.appliedVersion());
                out.println("admin http://" + ControlPlaneStream.target(agent.adminAddress()) + "/metrics");
                agent.listeners().forEach((port, address) ->
                        out.println("listening server port " + port + " on " + ControlPlaneStream.target(address)));
                out.flush();
                return Foreground.run("gateway", () -> {
                    agent.close();
                    flags.closeAccessLog(log, out);
                }, out);
            } catch (AgentStartException e) {
                throw AgentFailure.of(e);
            }
        });
    }
}
