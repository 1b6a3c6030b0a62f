package io.tollgate.cli.up;

import io.tollgate.cli.local.GatewayWorkload;
import io.tollgate.cli.local.LocalMesh;
import io.tollgate.cli.local.LocalMeshException;
import io.tollgate.cli.local.LocalMeshSettings;
import io.tollgate.cli.local.PodIdentity;
import io.tollgate.cli.local.ResolveFlag;
import io.tollgate.cli.local.Superuser;
import io.tollgate.cli.proxy.IpLiteralConverter;
import io.tollgate.dataplane.gateway.ListenerAddresses;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.pod.CleanupOnExit;
import io.tollgate.dataplane.pod.Pods;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tollgate up}: a whole mesh on this machine, in the foreground, until Ctrl-C. Editing the files changes it
 * live; {@code tollgate run} starts pods in it.
 */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a local mesh in the foreground: the control plane and an egress gateway workload.",
                "Editing the files changes the mesh live; `tollgate run` starts pods in it. Ctrl-C stops everything."})
public final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", required = true,
            description = "A YAML file, or a directory read recursively for *.yaml and *.yml. Repeatable.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--mesh-config", paramLabel = "FILE", description = "Mesh settings in Istio's MeshConfig field names.")
    Path meshConfig;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where mesh.json, the token socket and the CA live. Default: /run/tollgate as root, else ~/.tollgate.")
    Path stateDir;

    @Option(names = "--resolve", paramLabel = "HOST=IP", converter = ResolveFlag.Converter.class,
            description = "A fixed address for a destination host at the gateway (e.g. the RDS placeholder). Repeatable.")
    List<ResolveFlag> resolve = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "IP:PORT", defaultValue = "127.0.0.1:15012",
            description = "Where the control plane listens. Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--gateway-listen-address", paramLabel = "IP", defaultValue = "127.0.0.1", converter = IpLiteralConverter.class,
            description = "Where the gateway listens: each Gateway server port on its own port number. Default: ${DEFAULT-VALUE}.")
    InetAddress gatewayAddress;

    @Option(names = "--gateway-namespace", defaultValue = "istio-system", description = "Default: ${DEFAULT-VALUE}.")
    String gatewayNamespace;

    @Option(names = "--gateway-service-account", defaultValue = "istio-egressgateway-service-account",
            description = "Default: ${DEFAULT-VALUE}.")
    String gatewayServiceAccount;

    @Option(names = "--gateway-label", paramLabel = "KEY=VALUE", description = "Default: istio=egressgateway. Repeatable.")
    Map<String, String> gatewayLabels = new LinkedHashMap<>();

    @Option(names = "--gateway-service", defaultValue = "istio-egressgateway.istio-system.svc.cluster.local",
            description = "The gateway's in-mesh service name. Default: ${DEFAULT-VALUE}.")
    String gatewayService;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress controlPlane;
        try {
            controlPlane = parseListen(listen);
        } catch (IllegalArgumentException e) {
            err.println("tollgate up: --listen: " + e.getMessage());
            return 2;
        }
        LocalMeshSettings settings = new LocalMeshSettings(paths, Optional.ofNullable(meshConfig),
                Superuser.stateDirectory(stateDir), controlPlane,
                new GatewayWorkload(new PodIdentity(gatewayNamespace, gatewayServiceAccount,
                        gatewayLabels.isEmpty() ? Map.of("istio", "egressgateway") : gatewayLabels), gatewayService),
                ListenerAddresses.samePort(gatewayAddress), ResolveFlag.table(resolve),
                AccessLog.to(LoggerFactory.getLogger("tollgate.gateway.access")));
        if (Superuser.isRoot()) {
            try {
                List<String> removed = new Pods().removeLeftovers();
                if (!removed.isEmpty()) {
                    out.println("Removed pods left by earlier runs: " + String.join(", ", removed));
                }
            } catch (IOException e) {
                err.println("tollgate up: cannot remove leftover pods: " + e.getMessage());
                return 1;
            }
        }
        LocalMesh mesh;
        try {
            mesh = LocalMesh.start(settings);
        } catch (LocalMeshException e) {
            e.reasons().forEach(reason -> err.println("tollgate up: " + reason));
            return e.kind() == LocalMeshException.Kind.BAD_INPUT ? 2 : 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (CleanupOnExit cleanup = CleanupOnExit.install("local mesh", () -> {
            mesh.close();
            stopped.countDown();
        })) {
            new UpBanner(mesh).print(out);
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            err.println("tollgate up: stopping: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static InetSocketAddress parseListen(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not IP:PORT");
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(text.substring(colon + 1));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "': port " + port + " is outside 0-65535");
        }
        return new InetSocketAddress(host, port);
    }
}
