package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.source.ConfigValidator;
import io.tollgate.controlplane.source.SourceFile;
import io.tollgate.controlplane.source.SourceSet;
import io.tollgate.controlplane.source.ValidationResult;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.model.validation.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The control plane's judge of a whole candidate configuration: the same loader and validator as {@code tollgate
 * validate}, run on the exact bytes that will be distributed. Any error refuses the whole set (nothing is
 * half-applied); warnings do not. Runs on the watcher's thread.
 */
final class ModelValidator implements ConfigValidator<LoadedMesh> {
    @Override
    public ValidationResult<LoadedMesh> validate(SourceSet sources) {
        List<ConfigDocument> documents = new ArrayList<>();
        List<SourceText> texts = new ArrayList<>();
        for (SourceFile file : sources.resources()) {
            String name = file.path().toString();
            for (ConfigDocument document : DocumentSplitter.split(name, file.text())) {
                documents.add(document);
                texts.add(SourceText.startingAt(name, document.line(), document.yaml()));
            }
        }
        Optional<ConfigDocument> mesh = sources.meshConfig()
                .map(f -> new ConfigDocument(ControlPlane.MESH_CONFIG_SOURCE, 1, f.text()));
        Optional<SourceText> meshText = sources.meshConfig().map(f -> new SourceText(f.path().toString(), f.text()));
        LoadResult loaded = new ResourceLoader().loadTexts(texts, meshText);
        if (loaded.hasErrors()) {
            return new ValidationResult.Invalid<>(loaded.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).map(Object::toString).toList());
        }
        List<ConfigDocument> all = new ArrayList<>(documents);
        mesh.ifPresent(all::add);
        return new ValidationResult.Valid<>(all, LoadedMesh.of(loaded.resources(), documents, mesh));
    }
}
