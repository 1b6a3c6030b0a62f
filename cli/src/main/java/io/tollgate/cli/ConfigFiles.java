package io.tollgate.cli;

import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of every command that reads Istio resources ({@code -f}, {@code --mesh-config}) and the one way they
 * are loaded: every diagnostic printed, then the caller decides (exit 2 when {@link LoadResult#hasErrors()}).
 */
public final class ConfigFiles {
    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", required = true,
            description = "A YAML file, or a directory read recursively for *.yaml and *.yml. Repeatable.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--mesh-config", paramLabel = "FILE",
            description = "Mesh settings in Istio's MeshConfig field names (rootNamespace, trustDomain, "
                    + "trustDomainAliases, outboundTrafficPolicy.mode). Default: Istio's defaults.")
    Path meshConfig;

    /** Loads the files, prints every error, warning and note to {@code err}, and returns what was loaded. */
    public LoadResult load(PrintWriter err) {
        LoadResult result = new ResourceLoader().load(paths, Optional.ofNullable(meshConfig));
        result.diagnostics().forEach(err::println);
        err.flush();
        return result;
    }
}
