package io.tollgate.model.load;

import io.tollgate.model.Resource;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.validation.CrossReferenceIndex;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Findings;

import java.util.ArrayList;
import java.util.Arrays;
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
 * finds the texts that left and joined the list (a kept text is the very {@link ReadText} instance), updates the
 * indexes for their resources and re-checks only the resources whose verdict they can change.
 *
 * <p>What is still walked whole is walked without hashing: the old and new lists side by side comparing references,
 * and the kept texts in order to assemble the result. An edit runs rarely, so this code is seldom compiled by the
 * JIT when it matters; a plain walk of 20,000 references costs little even interpreted, 20,000 map operations do not.
 *
 * <p>Whenever the shortcut could differ from a fresh combine it is not taken: a changed mesh config, a text listed
 * twice, or most of the list changed start again from nothing.
 *
 * <p>Single-threaded: one caller at a time (the control plane's watcher thread), which owns all state here.
 */
public final class IncrementalCombine {
    /** How far ahead of its place a kept text is looked for before it counts as left (and joined elsewhere). */
    private static final int LOOK_AHEAD = 64;

    /**
     * A text of the list, with its resources as combined.
     *
     * @param quiet whether reading the text found nothing outside its resources (no syntax error, no skipped document)
     */
    private record Kept(ReadText text, List<Placed> resources, boolean quiet) {
        Kept(ReadText text) {
            this(text, new ArrayList<>(text.loaded().size()), text.syntax().isEmpty() && text.unloaded().isEmpty());
        }
    }

    /** A resource, its place, what reading found, and its diagnostics as combined (re-checks replace the last two). */
    private static final class Placed {
        final Resource resource;
        final String key; // the resource's CrossReferenceIndex.key
        final Kept text;
        final int index;
        final Findings read;
        List<Diagnostic> diagnostics; // null when none, so that assembling the result skips it with one test
        boolean errors;

        Placed(Resource resource, String key, Kept text, int index, Findings read) {
            this.resource = resource;
            this.key = key;
            this.text = text;
            this.index = index;
            this.read = read;
        }
    }

    private Optional<SourceText> meshText = Optional.empty();
    private MeshConfig mesh = MeshConfig.DEFAULT;
    private List<Diagnostic> meshDiagnostics = List.of();
    private List<Kept> kept; // null: nothing kept, the next call starts afresh
    private Map<Resource, Placed> placed = new IdentityHashMap<>();
    private CrossReferenceIndex index = new CrossReferenceIndex();
    private Map<Kept, Integer> positions; // of the current list, built only when two equal names meet

    /** Exactly {@code new ResourceLoader().combine(texts, meshConfig)}. */
    public LoadResult combine(List<ReadText> texts, Optional<SourceText> meshConfig) {
        boolean done = kept != null && meshConfig.equals(meshText) && update(texts);
        if (!done && !rebuild(texts, meshConfig)) {
            // A text listed twice: its resources are one instance twice, which no identity map can hold.
            kept = null;
            return new ResourceLoader().combine(texts, meshConfig);
        }
        return result();
    }

    /** Updates the kept state to {@code texts}; false (nothing changed) when starting afresh is needed or cheaper. */
    private boolean update(List<ReadText> texts) {
        int limit = texts.size() / 2;
        // Arrays, not lists: this walk runs on every edit, usually before the JIT has compiled it.
        Kept[] before = kept.toArray(new Kept[0]);
        ReadText[] now = texts.toArray(new ReadText[0]);
        Kept[] next = new Kept[now.length];
        List<Kept> left = new ArrayList<>();
        List<Kept> joined = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < now.length; i++) {
            ReadText text = now[i];
            if (cursor < before.length && before[cursor].text() == text) {
                next[i] = before[cursor++];
                continue;
            }
            int found = -1;
            for (int probe = cursor + 1; probe < Math.min(before.length, cursor + LOOK_AHEAD); probe++) {
                if (before[probe].text() == text) {
                    found = probe;
                    break;
                }
            }
            if (found >= 0) {
                left.addAll(Arrays.asList(before).subList(cursor, found));
                next[i] = before[found];
                cursor = found + 1;
            } else {
                next[i] = new Kept(text);
                joined.add(next[i]);
            }
            if (left.size() + joined.size() > limit) {
                return false;
            }
        }
        left.addAll(Arrays.asList(before).subList(cursor, before.length));
        if (left.size() + joined.size() > limit) {
            return false;
        }
        Set<Resource> affected = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Kept gone : left) {
            for (Placed p : gone.resources()) {
                placed.remove(p.resource);
                index.remove(p.resource, p.key, affected);
            }
        }
        kept = Arrays.asList(next);
        positions = null;
        Comparator<Resource> order = Comparator.comparingInt((Resource r) -> position(placed.get(r).text))
                .thenComparingInt(r -> placed.get(r).index);
        for (Kept text : joined) {
            if (!place(text)) {
                return false; // listed twice: the caller starts afresh, which finds it too
            }
            text.resources().forEach(p -> index.add(p.resource, p.key, order, affected));
        }
        for (Resource r : affected) {
            Placed p = placed.get(r);
            if (p != null) {
                check(p);
            }
        }
        return true;
    }

    /** Starts afresh; false if a text is listed twice. */
    private boolean rebuild(List<ReadText> texts, Optional<SourceText> meshConfig) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        mesh = MeshConfig.DEFAULT;
        if (meshConfig.isPresent()) {
            Findings meshFindings = new Findings("MeshConfig", new SourceLocation(meshConfig.get().name(), 1));
            mesh = MeshConfigLoader.load(meshConfig.get(), meshFindings, diagnostics);
            diagnostics.addAll(meshFindings.diagnostics());
        }
        meshText = meshConfig;
        meshDiagnostics = List.copyOf(diagnostics);
        int count = 0;
        for (ReadText text : texts) {
            count += text.loaded().size();
        }
        placed = new IdentityHashMap<>(count); // sized once: growing it to 20,000 rehashes every entry several times
        kept = new ArrayList<>(texts.size());
        positions = null;
        List<Resource> resources = new ArrayList<>(count);
        List<String> keys = new ArrayList<>(count);
        for (ReadText text : texts) {
            Kept k = new Kept(text);
            if (!place(k)) {
                return false;
            }
            kept.add(k);
            for (Placed p : k.resources()) {
                resources.add(p.resource);
                keys.add(p.key);
            }
        }
        index = CrossReferenceIndex.of(resources, keys);
        kept.forEach(k -> k.resources().forEach(this::check));
        return true;
    }

    /** Places the text's resources; false if one is already placed (the same text listed twice). */
    private boolean place(Kept text) {
        List<DocumentReader.Loaded> loaded = text.text().loaded();
        for (int i = 0; i < loaded.size(); i++) {
            DocumentReader.Loaded l = loaded.get(i);
            Placed p = new Placed(l.resource(), l.key(), text, i, l.findings());
            if (placed.putIfAbsent(p.resource, p) != null) {
                return false;
            }
            text.resources().add(p);
        }
        return true;
    }

    /** Makes {@code p}'s combined diagnostics again: a copy of what reading found, plus what the index says. */
    private void check(Placed p) {
        Findings[] copy = new Findings[1];
        index.check(p.resource, p.key, mesh, r -> copy[0] == null ? copy[0] = p.read.copy() : copy[0]);
        Findings combined = copy[0] == null ? p.read : copy[0];
        if (combined.isEmpty()) { // most resources: no list to copy, no errors to look for
            p.diagnostics = null;
            p.errors = false;
            return;
        }
        p.diagnostics = combined.diagnostics();
        p.errors = combined.hasErrors();
    }

    private int position(Kept text) {
        if (positions == null) {
            positions = new IdentityHashMap<>(kept.size());
            for (int i = 0; i < kept.size(); i++) {
                positions.put(kept.get(i), i);
            }
        }
        return positions.get(text);
    }

    /** In {@link ResourceLoader#combine}'s order: mesh config, syntax, unloaded documents, resources; then sorted. */
    private LoadResult result() {
        List<Diagnostic> diagnostics = new ArrayList<>(meshDiagnostics);
        Kept[] texts = kept.toArray(new Kept[0]);
        for (Kept k : texts) {
            if (!k.quiet()) {
                diagnostics.addAll(k.text().syntax());
            }
        }
        for (Kept k : texts) {
            if (!k.quiet()) {
                k.text().unloaded().forEach(f -> diagnostics.addAll(f.diagnostics()));
            }
        }
        KindLists valid = new KindLists(placed.size());
        for (Kept k : texts) {
            for (Placed p : k.resources()) {
                if (p.diagnostics != null) {
                    diagnostics.addAll(p.diagnostics);
                }
                if (!p.errors) {
                    valid.add(p.resource);
                }
            }
        }
        List<Diagnostic> ordered = diagnostics.isEmpty() ? List.of()
                : ResourceLoader.sorted(diagnostics, kept.stream().map(k -> k.text().name()).toList(), meshText);
        return new LoadResult(valid.toSet(mesh), ordered);
    }
}
