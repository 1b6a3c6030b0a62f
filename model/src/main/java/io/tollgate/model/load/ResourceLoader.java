package io.tollgate.model.load;

import io.tollgate.model.Resource;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.validation.CrossReferences;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Findings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
        return new LoadResult(result.resources(), sorted(problems, texts.stream().map(SourceText::name).toList(), mesh));
    }

    public LoadResult loadTexts(List<SourceText> texts, Optional<SourceText> meshConfig) {
        return combine(texts.stream().map(this::read).toList(), meshConfig);
    }

    /**
     * Parses one text and validates each of its documents on its own; {@link #combine} finishes the load. Whoever
     * loads the same texts again and again (the control plane, on every change of its files) keeps the result for
     * the texts that did not change.
     */
    public ReadText read(SourceText text) {
        DocumentReader reader = new DocumentReader();
        List<Diagnostic> syntax = YamlDocuments.each(text, reader::read);
        return new ReadText(text.name(), syntax, reader.unloaded(), reader.loaded());
    }

    /**
     * Finishes a load of texts already {@link #read}: reads the mesh config, runs the checks that need every resource
     * at once, and keeps the resources without errors. The same as {@link #loadTexts} on the same texts, diagnostics
     * and their order included.
     */
    public LoadResult combine(List<ReadText> texts, Optional<SourceText> meshConfig) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        MeshConfig mesh = MeshConfig.DEFAULT;
        if (meshConfig.isPresent()) {
            Findings meshFindings = new Findings("MeshConfig", new SourceLocation(meshConfig.get().name(), 1));
            mesh = MeshConfigLoader.load(meshConfig.get(), meshFindings, diagnostics);
            diagnostics.addAll(meshFindings.diagnostics());
        }
        List<DocumentReader.Loaded> loaded = new ArrayList<>(texts.size());
        for (ReadText text : texts) {
            diagnostics.addAll(text.syntax());
            loaded.addAll(text.loaded());
        }
        // Sized up front and filled in one pass: the control plane combines 20,000 resources on every edit.
        Map<Resource, Findings> original = new IdentityHashMap<>(loaded.size());
        List<Resource> resources = new ArrayList<>(loaded.size());
        for (DocumentReader.Loaded l : loaded) {
            original.put(l.resource(), l.findings());
            resources.add(l.resource());
        }
        // The read texts stay untouched (they may be combined again): a resource the cross checks speak of gets a
        // copy of its findings, made on first use, and only those few are copied.
        Map<Resource, Findings> amended = new IdentityHashMap<>();
        CrossReferences.check(resources, mesh, r -> amended.computeIfAbsent(r, x -> original.get(x).copy()));
        texts.forEach(t -> t.unloaded().forEach(f -> diagnostics.addAll(f.diagnostics())));
        List<Resource> valid = new ArrayList<>(loaded.size());
        for (DocumentReader.Loaded l : loaded) {
            Findings findings = amended.getOrDefault(l.resource(), l.findings());
            diagnostics.addAll(findings.diagnostics());
            if (!findings.hasErrors()) {
                valid.add(l.resource());
            }
        }
        List<Diagnostic> ordered = diagnostics.isEmpty() ? List.of()
                : sorted(diagnostics, texts.stream().map(ReadText::name).toList(), meshConfig);
        return new LoadResult(assemble(mesh, valid), ordered);
    }

    private static ResourceSet assemble(MeshConfig mesh, List<Resource> resources) {
        return ResourceSet.of(mesh, resources);
    }

    /** The mesh config first, then files in the order read, each by line; ties keep the order found. */
    static List<Diagnostic> sorted(List<Diagnostic> diagnostics, List<String> texts, Optional<SourceText> mesh) {
        Map<String, Integer> fileOrder = new HashMap<>();
        mesh.ifPresent(m -> fileOrder.put(m.name(), -1));
        for (int i = 0; i < texts.size(); i++) {
            fileOrder.putIfAbsent(texts.get(i), i);
        }
        return diagnostics.stream()
                .sorted(Comparator.comparingInt((Diagnostic d) -> fileOrder.getOrDefault(d.location().file(), Integer.MAX_VALUE))
                        .thenComparingInt(d -> d.location().line()))
                .toList();
    }
}
