package io.tollgate.model.load;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the paths a user gave into YAML texts: a file is read as given (whatever its name); a directory is walked
 * recursively for {@code *.yaml} and {@code *.yml}, sorted by path so every load reads the same order. Entries whose
 * name starts with a dot are skipped: a Kubernetes ConfigMap volume holds each file twice, once under a
 * {@code ..data} directory, and reading both would make every resource a duplicate.
 */
final class YamlSources {
    private YamlSources() {
    }

    /**
     * @param exclude files not to read as resources even when a directory holds them: the mesh config, which
     *                often sits beside the resources it governs
     */
    static List<SourceText> read(List<Path> paths, Set<Path> exclude, List<Diagnostic> problems) {
        List<SourceText> texts = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        exclude.forEach(p -> seen.add(p.toAbsolutePath().normalize()));
        for (Path path : paths) {
            List<Path> files = Files.isDirectory(path) ? yamlFilesUnder(path, problems) : List.of(path);
            for (Path file : files) {
                // A file named twice (-f dir -f dir/a.yaml) is read once, not reported as duplicating itself.
                if (seen.add(file.toAbsolutePath().normalize())) {
                    readFile(file, problems).ifPresent(texts::add);
                }
            }
        }
        return texts;
    }

    static Optional<SourceText> readFile(Path file, List<Diagnostic> problems) {
        try {
            return Optional.of(new SourceText(file.toString(), Files.readString(file)));
        } catch (CharacterCodingException e) {
            problems.add(problem(file, "cannot read: not UTF-8 text"));
        } catch (IOException e) {
            problems.add(problem(file, "cannot read: " + describe(e)));
        }
        return Optional.empty();
    }

    private static List<Path> yamlFilesUnder(Path directory, List<Diagnostic> problems) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> !p.equals(directory))
                    .filter(p -> noHiddenPart(directory.relativize(p)))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(problem(directory, "cannot read directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean noHiddenPart(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file or directory";
            case AccessDeniedException a -> "permission denied";
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }

    private static Diagnostic problem(Path path, String message) {
        return new Diagnostic(Severity.ERROR, new SourceLocation(path.toString(), 0), "", "", message);
    }
}
