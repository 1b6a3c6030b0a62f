package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.source.ConfigValidator;
import io.tollgate.controlplane.source.SourceSet;
import io.tollgate.controlplane.source.ValidationResult;
import io.tollgate.model.Resource;
import io.tollgate.model.load.IncrementalCombine;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ReadText;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.model.validation.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/**
 * The control plane's judge of a whole candidate configuration: the same loader and validator as {@code tollgate
 * validate}, run on the exact bytes that will be distributed. Any error refuses the whole set (nothing is
 * half-applied); warnings do not.
 *
 * <p>Each document is parsed and checked on its own once, and that reading is kept while the document stays the
 * same (same file, line and text): an edit of one file re-reads only its changed documents. The checks that need
 * every resource (duplicates, references) keep their indexes and re-check only what the changed documents can
 * affect ({@link IncrementalCombine}), with exactly the verdict of loading everything afresh
 * ({@link ResourceLoader#combine}).
 *
 * <p>Threads: called on the caller's thread for the initial load, then only on the watcher's thread (which the
 * watcher starts afterwards, so the kept readings are published to it); never two calls at once. The first call
 * reads files in parallel: {@link ResourceLoader#read} is stateless and the kept readings are only read then.
 *
 * <p>The verdict is a pure function of the set, as {@link ConfigValidator} requires; what the kept state adds is
 * only speed, and the {@link MeshChange} each valid set carries (relative to the last valid set).
 */
final class ModelValidator implements ConfigValidator<LoadedMesh> {
    private final ResourceLoader loader = new ResourceLoader();
    // The last combination's indexes, so that an edit re-checks what it can change (same verdict as combining afresh).
    private final IncrementalCombine combination = new IncrementalCombine();
    // By file name: the files as last read (valid or not), and as in the last valid set, with its mesh config and
    // generation, which the next change is told against. Files no longer named are dropped with the maps.
    private Map<String, ParsedFile> lastRead = Map.of();
    private Map<String, ParsedFile> lastValid = Map.of();
    private Optional<ConfigDocument> lastMesh = Optional.empty();
    private long generation;

    @Override
    public ValidationResult<LoadedMesh> validate(SourceSet sources) {
        // A cold start parses 20,000 documents: on all cores (the common pool). An edit finds all but a few files
        // unchanged (the same text instance): on this thread, as handing 1,000 trivial tasks to the pool costs more.
        Map<String, ParsedFile> previous = lastRead;
        Map<String, ParsedFile> valid = lastValid;
        List<String> names = sources.resources().stream().map(f -> f.path().toString()).toList();
        var stream = previous.isEmpty() ? sources.resources().parallelStream() : sources.resources().stream();
        List<ParsedFile> files = stream.map(file -> {
            String name = file.path().toString();
            return ParsedFile.read(name, file.text(), previous.get(name), valid.get(name), loader);
        }).toList();
        Map<String, ParsedFile> read = LinkedHashMap.newLinkedHashMap(files.size());
        List<ConfigDocument> documents = new ArrayList<>();
        List<ReadText> texts = new ArrayList<>();
        Map<String, NavigableMap<Integer, ConfigDocument>> byFile = HashMap.newHashMap(files.size());
        for (int i = 0; i < files.size(); i++) {
            ParsedFile parsed = files.get(i);
            read.put(names.get(i), parsed);
            byFile.put(names.get(i), parsed.byLine());
            documents.addAll(parsed.shipped());
            texts.addAll(parsed.texts());
        }
        lastRead = read;
        Optional<ConfigDocument> mesh = sources.meshConfig()
                .map(f -> new ConfigDocument(ControlPlane.MESH_CONFIG_SOURCE, 1, f.text()))
                .map(m -> lastMesh.filter(m::equals).orElse(m)); // unchanged: the same instance, as for resources
        Optional<SourceText> meshText = sources.meshConfig().map(f -> new SourceText(f.path().toString(), f.text()));
        LoadResult loaded = combination.combine(texts, meshText);
        if (loaded.hasErrors()) {
            return new ValidationResult.Invalid<>(loaded.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).map(Object::toString).toList());
        }
        List<ConfigDocument> all = new ArrayList<>(documents);
        mesh.ifPresent(all::add);
        Optional<MeshChange> change = generation == 0 ? Optional.empty() : Optional.of(changeSinceLastValid(read, mesh));
        lastValid = read;
        lastMesh = mesh;
        generation++;
        return new ValidationResult.Valid<>(all, new LoadedMesh(loaded.resources(), mesh, byFile, generation, change));
    }

    /** File by file: an unchanged file is the very value kept, so only edited, added and removed files are walked. */
    private MeshChange changeSinceLastValid(Map<String, ParsedFile> now, Optional<ConfigDocument> mesh) {
        Set<ConfigDocument> removed = new HashSet<>();
        List<Resource> added = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        lastValid.forEach((name, before) -> {
            ParsedFile after = now.get(name);
            if (after != before) {
                Set<ConfigDocument> kept = after == null ? Set.of() : documentsOf(after);
                for (ParsedFile.Parsed parsed : before.documents()) {
                    if (!kept.contains(parsed.document())) {
                        removed.add(parsed.document());
                        parsed.read().resources().forEach(r -> kinds.add(r.kind()));
                    }
                }
            }
        });
        now.forEach((name, after) -> {
            ParsedFile before = lastValid.get(name);
            if (after != before) {
                Set<ConfigDocument> had = before == null ? Set.of() : documentsOf(before);
                for (ParsedFile.Parsed parsed : after.documents()) {
                    if (!had.contains(parsed.document())) {
                        added.addAll(parsed.read().resources());
                        parsed.read().resources().forEach(r -> kinds.add(r.kind()));
                    }
                }
            }
        });
        return new MeshChange(generation, removed, added, kinds, !mesh.equals(lastMesh));
    }

    private static Set<ConfigDocument> documentsOf(ParsedFile file) {
        Set<ConfigDocument> documents = new HashSet<>();
        file.documents().forEach(p -> documents.add(p.document()));
        return documents;
    }
}
