package io.tollgate.model.load;

import io.tollgate.model.Resource;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.core.Namespace;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.validation.CrossReferences;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Findings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads Istio resources and a mesh config, exactly as Istio's admission webhook would judge them, collecting every
 * diagnostic (never stopping at the first). The CLI loads files; the control plane and the proxies load texts, so
 * that a document shipped to a proxy means there what it meant here. Stateless; each call is independent.
 */
public final class ResourceLoader {

    /** Loads files and directories (recursively, {@code *.yaml}/{@code *.yml}), printing paths as given. */
    public LoadResult load(List<Path> paths, Optional<Path> meshConfig) {
        List<Diagnostic> problems = new ArrayList<>();
        Optional<SourceText> mesh = meshConfig.flatMap(p -> YamlSources.readFile(p, problems));
        List<SourceText> texts = YamlSources.read(paths, meshConfig.map(Set::of).orElse(Set.of()), problems);
        if (meshConfig.isPresent() && mesh.isEmpty()) {
            // Without the mesh config we would judge the resources against defaults the user did not choose.
            return new LoadResult(ResourceSet.EMPTY, problems);
        }
        LoadResult result = loadTexts(texts, mesh);
        problems.addAll(result.diagnostics());
        return new LoadResult(result.resources(), sorted(problems, texts, mesh));
    }

    public LoadResult loadTexts(List<SourceText> texts, Optional<SourceText> meshConfig) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        MeshConfig mesh = MeshConfig.DEFAULT;
        if (meshConfig.isPresent()) {
            Findings meshFindings = new Findings("MeshConfig", new SourceLocation(meshConfig.get().name(), 1));
            mesh = MeshConfigLoader.load(meshConfig.get(), meshFindings, diagnostics);
            diagnostics.addAll(meshFindings.diagnostics());
        }
        DocumentReader reader = new DocumentReader();
        for (SourceText text : texts) {
            diagnostics.addAll(YamlDocuments.each(text, reader::read));
        }
        Map<Resource, Findings> findingsOf = new IdentityHashMap<>();
        reader.loaded().forEach(l -> findingsOf.put(l.resource(), l.findings()));
        CrossReferences.check(reader.loaded().stream().map(DocumentReader.Loaded::resource).toList(), mesh, findingsOf::get);
        reader.unloaded().forEach(f -> diagnostics.addAll(f.diagnostics()));
        reader.loaded().forEach(l -> diagnostics.addAll(l.findings().diagnostics()));
        List<Resource> valid = reader.loaded().stream().filter(l -> !l.findings().hasErrors())
                .map(DocumentReader.Loaded::resource).toList();
        return new LoadResult(assemble(mesh, valid), sorted(diagnostics, texts, meshConfig));
    }

    private static ResourceSet assemble(MeshConfig mesh, List<Resource> resources) {
        return new ResourceSet(mesh,
                only(resources, Namespace.class), only(resources, ServiceEntry.class), only(resources, Gateway.class),
                only(resources, DestinationRule.class), only(resources, VirtualService.class),
                only(resources, AuthorizationPolicy.class));
    }

    private static <T> List<T> only(List<Resource> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The mesh config first, then files in the order read, each by line; ties keep the order found. */
    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics, List<SourceText> texts, Optional<SourceText> mesh) {
        Map<String, Integer> fileOrder = new LinkedHashMap<>();
        mesh.ifPresent(m -> fileOrder.put(m.name(), -1));
        for (int i = 0; i < texts.size(); i++) {
            fileOrder.putIfAbsent(texts.get(i).name(), i);
        }
        return diagnostics.stream()
                .sorted(Comparator.comparingInt((Diagnostic d) -> fileOrder.getOrDefault(d.location().file(), Integer.MAX_VALUE))
                        .thenComparingInt(d -> d.location().line()))
                .toList();
    }
}
