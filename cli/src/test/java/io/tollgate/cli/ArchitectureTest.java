package io.tollgate.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules of STYLE.md that Maven's module graph alone does not enforce (a module may see a library
 * transitively): each module's main sources must not import the packages it is never to know.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0} never imports {1}")
    @CsvSource({
            "model, io.netty",
            "model, java.net.Socket",
            "model, io.tollgate.policy",
            "policy, io.netty",
            "policy, org.snakeyaml",
            "policy, java.net.Socket",
            "policy, io.tollgate.dataplane",
            "identity, io.netty",
            "identity, io.tollgate.model",
            "dataplane, org.snakeyaml",
            "dataplane, io.tollgate.controlplane",
            "dataplane, io.tollgate.model.load",
            "controlplane, io.tollgate.dataplane",
    })
    void forbiddenImports(String module, String forbidden) throws IOException {
        List<String> offenders = new ArrayList<>();
        Path sources = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import " + forbidden) || line.startsWith("import static " + forbidden)) {
                        offenders.add(ROOT.relativize(file) + ": " + line);
                    }
                }
            }
        }
        assertThat(offenders).as("imports of %s in %s", forbidden, module).isEmpty();
    }
}
