package io.tollgate.policy.compile;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.policy.scope.Proxy;
import io.tollgate.policy.scope.ProxyKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One golden case of {@code routes/}: {@code <case>-in.yaml} (and {@code <case>-mesh.yaml} when present), loaded
 * with the real {@link ResourceLoader}, and the proxies and mesh services its header comments name:
 * <pre>
 * # sidecar: NAMESPACE [KEY=VALUE ...]
 * # gateway: NAMESPACE [KEY=VALUE ...]
 * # mesh-service: HOST:PORT=ADDRESS:PORT[,ADDRESS:PORT...]
 * </pre>
 */
record RouteCase(String name, LoadResult loaded, List<Proxy> proxies, MeshServices meshServices) {

    static RouteCase read(Path folder, String name) {
        String in = text(folder.resolve(name + "-in.yaml"));
        Path meshFile = folder.resolve(name + "-mesh.yaml");
        Optional<SourceText> mesh = Files.exists(meshFile)
                ? Optional.of(new SourceText(name + "-mesh.yaml", text(meshFile))) : Optional.empty();
        LoadResult loaded = new ResourceLoader().loadTexts(List.of(new SourceText(name + "-in.yaml", in)), mesh);
        List<Proxy> proxies = new ArrayList<>();
        List<MeshService> services = new ArrayList<>();
        for (String line : in.lines().toList()) {
            if (line.startsWith("# sidecar:") || line.startsWith("# gateway:")) {
                proxies.add(proxy(line));
            } else if (line.startsWith("# mesh-service:")) {
                services.add(MeshService.parse(line.substring("# mesh-service:".length()).strip()));
            }
        }
        return new RouteCase(name, loaded, proxies, MeshServices.of(services));
    }

    ResourceSet resources() {
        return loaded.resources();
    }

    List<Proxy> proxies(ProxyKind kind) {
        return proxies.stream().filter(p -> p.kind() == kind).toList();
    }

    /** The whole text of one output file: each proxy of the kind, its header, its compilation. */
    String render(ProxyKind kind) {
        StringBuilder out = new StringBuilder();
        for (Proxy proxy : proxies(kind)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("# ").append(proxy).append('\n').append(compile(proxy, resources()));
        }
        return out.toString();
    }

    /** Compiles for one proxy and renders table and notes. */
    String compile(Proxy proxy, ResourceSet resources) {
        return switch (proxy.kind()) {
            case SIDECAR -> new SidecarRouteCompiler().compile(resources, proxy, meshServices, "golden").render();
            case GATEWAY -> new GatewayRouteCompiler().compile(resources, proxy, "golden").render();
        };
    }

    /** Only the table, without notes: what must not change when a proxy compiles its scoped set. */
    String table(Proxy proxy, ResourceSet resources) {
        return switch (proxy.kind()) {
            case SIDECAR -> io.tollgate.policy.route.RouteTableText.render(
                    new SidecarRouteCompiler().compile(resources, proxy, meshServices, "golden").routes());
            case GATEWAY -> io.tollgate.policy.route.RouteTableText.render(
                    new GatewayRouteCompiler().compile(resources, proxy, "golden").routes());
        };
    }

    String outputName(ProxyKind kind) {
        return name + "-" + kind.name().toLowerCase(Locale.ROOT) + "-out.txt";
    }

    private static Proxy proxy(String line) {
        String[] words = line.substring(2).split("\\s+");
        ProxyKind kind = ProxyKind.valueOf(words[0].replace(":", "").toUpperCase(Locale.ROOT));
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            labels.put(kv[0], kv[1]);
        }
        return new Proxy(kind, words[1], labels);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
