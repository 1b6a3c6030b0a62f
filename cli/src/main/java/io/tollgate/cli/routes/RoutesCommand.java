package io.tollgate.cli.routes;

import io.tollgate.cli.ConfigFiles;
import io.tollgate.model.load.LoadResult;
import io.tollgate.policy.compile.GatewayRouteCompiler;
import io.tollgate.policy.compile.MeshService;
import io.tollgate.policy.compile.MeshServices;
import io.tollgate.policy.compile.SidecarRouteCompiler;
import io.tollgate.policy.scope.Proxy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tollgate routes}: the route table one proxy would compile from the files, with the reason for everything
 * left out — what {@code istioctl proxy-config} shows, before anything runs.
 */
@Command(name = "routes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the route table a sidecar or a gateway compiles from the files, and why anything is left out.",
                "Exit 0; 2 on invalid input."})
public final class RoutesCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles files;

    @ArgGroup(multiplicity = "1")
    Kind kind;

    static final class Kind {
        @Option(names = "--sidecar", paramLabel = "NS", description = "A sidecar of a workload in this namespace.")
        String sidecar;

        @Option(names = "--gateway", paramLabel = "NS", description = "A gateway workload in this namespace (e.g. istio-system).")
        String gateway;
    }

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label of the workload (e.g. istio=egressgateway). Repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--mesh-service", paramLabel = "HOST:PORT=IP:PORT",
            description = "Where an in-mesh service listens, e.g. istio-egressgateway.istio-system.svc.cluster.local:13306=127.0.0.1:13306. Repeatable.")
    List<String> meshServices = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<MeshService> services = new ArrayList<>();
        for (String text : meshServices) {
            try {
                services.add(MeshService.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--mesh-service " + text + ": " + e.getMessage());
            }
        }
        LoadResult loaded = files.load(spec.commandLine().getErr());
        if (loaded.hasErrors()) {
            return 2;
        }
        String table = kind.sidecar != null
                ? new SidecarRouteCompiler().compile(loaded.resources(), Proxy.sidecar(kind.sidecar, labels),
                        MeshServices.of(services), "files").render()
                : new GatewayRouteCompiler().compile(loaded.resources(), Proxy.gateway(kind.gateway, labels), "files").render();
        spec.commandLine().getOut().print(table.endsWith("\n") ? table : table + "\n");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
