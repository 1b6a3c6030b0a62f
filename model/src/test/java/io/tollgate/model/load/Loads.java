package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test support: writes YAML literals to files under a temporary directory and loads them as the CLI would. */
final class Loads {
    private final Path directory;

    Loads(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code yaml} to {@code name} (creating directories) and returns its path. */
    Path write(String name, String yaml) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadResult load(String name, String yaml) {
        return new ResourceLoader().load(List.of(write(name, yaml)), Optional.empty());
    }

    static List<Diagnostic> errors(LoadResult result) {
        return of(result, Severity.ERROR);
    }

    static List<Diagnostic> warnings(LoadResult result) {
        return of(result, Severity.WARNING);
    }

    static List<Diagnostic> of(LoadResult result, Severity severity) {
        return result.diagnostics().stream().filter(d -> d.severity() == severity).toList();
    }
}
