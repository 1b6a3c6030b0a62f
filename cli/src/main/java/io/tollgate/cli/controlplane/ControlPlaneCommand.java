package io.tollgate.cli.controlplane;

import io.tollgate.cli.CommandFailure;
import io.tollgate.cli.SocketAddressConverter;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.controlplane.mesh.ControlPlaneException;
import io.tollgate.controlplane.mesh.ControlPlaneSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/**
 * {@code tollgate control-plane}: the CA and live configuration for every proxy, in the foreground until stopped.
 * An invalid configuration at start is exit 2 with every diagnostic; an invalid change later is refused and shown
 * by {@code tollgate status} while the last good version stays in force.
 */
@Command(name = "control-plane", mixinStandardHelpOptions = true,
        description = {"Run the control plane: certificate authority and configuration distribution on one TLS port.",
                "Watches the files; every valid change is pushed to proxies, an invalid one is refused whole."})
public final class ControlPlaneCommand implements Callable<Integer> {
    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", required = true,
            description = "A YAML file, or a directory read recursively for *.yaml and *.yml. Repeatable.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--mesh-config", paramLabel = "FILE", description = "Mesh settings in Istio's MeshConfig field names.")
    Path meshConfig;

    @Option(names = "--state-dir", required = true, paramLabel = "DIR",
            description = "The CA, token key and admin credentials live here; keep it root-only.")
    Path stateDir;

    @Option(names = "--listen", defaultValue = "127.0.0.1:15012", converter = SocketAddressConverter.class, paramLabel = "HOST:PORT",
            description = "Where proxies connect (default: ${DEFAULT-VALUE}; port 0 picks one).")
    InetSocketAddress listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandFailure.run(spec, () -> {
            ControlPlane controlPlane;
            try {
                Files.createDirectories(stateDir);
                controlPlane = ControlPlane.start(new ControlPlaneSettings(paths, Optional.ofNullable(meshConfig), stateDir, listen),
                        Clock.systemUTC());
            } catch (ControlPlaneException e) {
                e.diagnostics().forEach(spec.commandLine().getErr()::println);
                throw CommandFailure.badInput("the configuration or the state directory is not usable (see above)");
            } catch (IOException e) {
                throw CommandFailure.badInput("cannot create " + stateDir + ": " + e.getMessage());
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                controlPlane.close();
                stopped.countDown();
            }, "tollgate-control-plane-shutdown"));
            String address = hostPort(controlPlane.address());
            PrintWriter out = spec.commandLine().getOut();
            out.println("control plane " + controlPlane.version() + " listening on " + address + " (trust domain "
                    + controlPlane.trustDomain() + ", CA root " + controlPlane.rootFingerprint() + ")");
            out.println("mint a proxy token: tollgate token create --state-dir " + stateDir + " --namespace NS --service-account SA");
            out.println("status:             tollgate status --state-dir " + stateDir);
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
