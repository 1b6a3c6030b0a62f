package io.tollgate.model.load;

import io.tollgate.model.Resource;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.validation.CrossReferenceIndex;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Findings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ResourceLoader#combine} for a caller that combines nearly the same texts again and again (the control
 * plane, on every edit of its files): the same result, diagnostics and their order included, for what changed.
 * The cross-resource indexes ({@link CrossReferenceIndex}) and each resource's combined findings are kept; a call
 * finds the texts that left and joined the list (by identity: a kept text is the very {@link ReadText} instance),
 * updates the indexes for their resources and re-checks only the resources whose verdict they can change. Listing
 * the texts and assembling the result still walk the whole list, with no hashing of content.
 *
 * <p>Whenever the shortcut could differ from a fresh combine it is not taken: a changed mesh config, kept texts in
 * another order, a text listed twice, or most of the list changed start again from nothing.
 *
 * <p>Single-threaded: one caller at a time (the control plane's watcher thread), which owns all state here.
 */
public final class IncrementalCombine {
    /**
     * A resource of the set: the text it came from, its place there, what reading it found, and the diagnostics of
     * the resource as combined (reading's and the cross checks').
     */
    private record Placed(ReadText text, int index, Findings read, List<Diagnostic> diagnostics, boolean errors) {
        static Placed read(ReadText text, int index, Findings read) {
            return new Placed(text, index, read, read.diagnostics(), read.hasErrors());
        }
    }

    private Optional<SourceText> meshText = Optional.empty();
    private MeshConfig mesh = MeshConfig.DEFAULT;
    private List<Diagnostic> meshDiagnostics = List.of();
    private List<ReadText> texts;
    private Map<ReadText, Integer> positions = new IdentityHashMap<>();
    private Map<Resource, Placed> placed = new IdentityHashMap<>();
    private CrossReferenceIndex index = new CrossReferenceIndex();

    /** Exactly {@code new ResourceLoader().combine(texts, meshConfig)}. */
    public LoadResult combine(List<ReadText> texts, Optional<SourceText> meshConfig) {
        Map<ReadText, Integer> now = new IdentityHashMap<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (now.put(texts.get(i), i) != null) {
                // A text listed twice: its resources are one instance twice, which no identity map can hold.
                this.texts = null;
                return new ResourceLoader().combine(texts, meshConfig);
            }
        }
        if (this.texts == null || !meshConfig.equals(meshText) || !update(texts, now)) {
            rebuild(texts, now, meshConfig);
        }
        return result();
    }

    /** Updates the kept state to {@code texts}; false (nothing changed) when starting afresh is needed or cheaper. */
    private boolean update(List<ReadText> texts, Map<ReadText, Integer> now) {
        List<ReadText> left = new ArrayList<>();
        for (ReadText text : this.texts) {
            if (!now.containsKey(text)) {
                left.add(text);
            }
        }
        List<ReadText> joined = new ArrayList<>();
        int last = -1;
        for (ReadText text : texts) {
            Integer before = positions.get(text);
            if (before == null) {
                joined.add(text);
            } else if (before < last) {
                return false; // kept texts in another order: which of two equal names comes first may change
            } else {
                last = before;
            }
        }
        if (2 * (left.size() + joined.size()) > texts.size()) {
            return false;
        }
        Set<Resource> affected = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ReadText text : left) {
            for (DocumentReader.Loaded l : text.loaded()) {
                placed.remove(l.resource());
                index.remove(l.resource(), affected);
            }
        }
        this.texts = texts;
        this.positions = now;
        Comparator<Resource> order = Comparator.comparingInt((Resource r) -> positions.get(placed.get(r).text()))
                .thenComparingInt(r -> placed.get(r).index());
        for (ReadText text : joined) {
            for (int i = 0; i < text.loaded().size(); i++) {
                DocumentReader.Loaded l = text.loaded().get(i);
                placed.put(l.resource(), Placed.read(text, i, l.findings()));
                index.add(l.resource(), order, affected);
            }
        }
        for (Resource r : affected) {
            Placed p = placed.get(r);
            if (p != null) {
                placed.put(r, checked(p, r));
            }
        }
        return true;
    }

    private void rebuild(List<ReadText> texts, Map<ReadText, Integer> now, Optional<SourceText> meshConfig) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        mesh = MeshConfig.DEFAULT;
        if (meshConfig.isPresent()) {
            Findings meshFindings = new Findings("MeshConfig", new SourceLocation(meshConfig.get().name(), 1));
            mesh = MeshConfigLoader.load(meshConfig.get(), meshFindings, diagnostics);
            diagnostics.addAll(meshFindings.diagnostics());
        }
        meshText = meshConfig;
        meshDiagnostics = List.copyOf(diagnostics);
        this.texts = texts;
        positions = now;
        placed = new IdentityHashMap<>();
        List<Resource> resources = new ArrayList<>();
        for (ReadText text : texts) {
            for (int i = 0; i < text.loaded().size(); i++) {
                DocumentReader.Loaded l = text.loaded().get(i);
                placed.put(l.resource(), Placed.read(text, i, l.findings()));
                resources.add(l.resource());
            }
        }
        index = CrossReferenceIndex.of(resources);
        for (Resource r : resources) {
            placed.put(r, checked(placed.get(r), r));
        }
    }

    /** {@code p} with its combined findings made again: a copy of what reading found, plus what the index says. */
    private Placed checked(Placed p, Resource r) {
        Findings[] copy = new Findings[1];
        index.check(r, mesh, x -> copy[0] == null ? copy[0] = p.read().copy() : copy[0]);
        return copy[0] == null ? Placed.read(p.text(), p.index(), p.read())
                : new Placed(p.text(), p.index(), p.read(), copy[0].diagnostics(), copy[0].hasErrors());
    }

    /** In {@link ResourceLoader#combine}'s order: mesh config, syntax, unloaded documents, resources; then sorted. */
    private LoadResult result() {
        List<Diagnostic> diagnostics = new ArrayList<>(meshDiagnostics);
        for (ReadText text : texts) {
            diagnostics.addAll(text.syntax());
        }
        for (ReadText text : texts) {
            text.unloaded().forEach(f -> diagnostics.addAll(f.diagnostics()));
        }
        List<Resource> valid = new ArrayList<>(placed.size());
        for (ReadText text : texts) {
            for (DocumentReader.Loaded l : text.loaded()) {
                Placed p = placed.get(l.resource());
                diagnostics.addAll(p.diagnostics());
                if (!p.errors()) {
                    valid.add(l.resource());
                }
            }
        }
        List<Diagnostic> ordered = diagnostics.isEmpty() ? List.of()
                : ResourceLoader.sorted(diagnostics, texts.stream().map(ReadText::name).toList(), meshText);
        return new LoadResult(ResourceSet.of(mesh, valid), ordered);
    }
}
