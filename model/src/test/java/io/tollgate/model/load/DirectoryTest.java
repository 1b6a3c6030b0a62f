package io.tollgate.model.load;

import io.tollgate.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Directories are read recursively, YAML files only, in sorted order, skipping hidden entries. */
class DirectoryTest {
    @TempDir
    Path dir;

    private static String namespace(String name) {
        return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + "}\n";
    }

    @Test
    void readsYamlFilesRecursivelyInPathOrder() {
        Loads loads = new Loads(dir);
        loads.write("conf/b.yaml", namespace("b"));
        loads.write("conf/a/z.yml", namespace("az"));
        loads.write("conf/a/deeper/still/c.yaml", namespace("c"));
        loads.write("conf/notes.txt", "not: yaml: at all: [");
        loads.write("conf/README.md", "# not read");
        loads.write("conf/..data/b.yaml", namespace("b"));
        loads.write("conf/.hidden.yaml", namespace("hidden"));

        LoadResult result = new ResourceLoader().load(List.of(dir.resolve("conf")), Optional.empty());

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.resources().namespaces()).extracting(n -> n.name()).containsExactly("c", "az", "b");
    }

    @Test
    void filesArePrintedAsTheUserGaveThem() {
        Loads loads = new Loads(dir);
        loads.write("conf/x.yaml", "kind: Namespace\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("conf"));
        LoadResult result = new ResourceLoader().load(List.of(relative), Optional.empty());
        assertThat(result.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.location().file()).isEqualTo(relative.resolve("x.yaml").toString()));
    }

    @Test
    void aMissingPathIsAnErrorNamingIt() {
        LoadResult result = new ResourceLoader().load(List.of(dir.resolve("nope.yaml")), Optional.empty());
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).singleElement().hasToString(dir.resolve("nope.yaml") + ": cannot read: no such file or directory");
    }

    @Test
    void anExplicitFileIsReadWhateverItsName() {
        Loads loads = new Loads(dir);
        Path file = loads.write("policies.txt", namespace("demo"));
        LoadResult result = new ResourceLoader().load(List.of(file), Optional.empty());
        assertThat(result.resources().all()).extracting(Resource::kind).containsExactly("Namespace");
    }
}
