package io.tollgate.model.load;

import io.tollgate.testkit.SeededProperty;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subset composer against snakeyaml-engine: on every text, it either declines or composes the very trees
 * snakeyaml does (kinds, tags, values, styles, start marks); and it does not decline on the YAML Tollgate is fed.
 */
class SubsetComposerTest {
    /** Texts at the subset's edges: empty documents, markers, each unsupported feature, each syntax error. */
    static final List<String> EDGES = List.of("", "\n", "---", "---\n", "--- # c\n", "---\n---\n", "...\n",
            "---\n...\n", "a: 1\n...\n", "a: 1\n...\n---\nb: 2\n", "a: 1\n...\nb: 2\n", "# only\n", "a:\n", "a:",
            "a: # c\nb:\n", "a:\n- b\n", "- \n- a\n-\n", "-", "key: [a, b]", "k: {}", "k: []", "k: [ ]", "k: {  }",
            "k: [a,]", "k: [a b]", "k: [\"a\", 'b''c', -1, x/y]", "k: [-]", "k: [a:b]", "{a}", "{a, b: c}", "{ a  }", "x: {p} # c", "{\"a\"}", "{a: }", "{a : b}",
            "{a :b}", "{a:b}", "[a:b:c]", "[a:]", "[a:, b]", "{a:b: c}", "[spiffe://x/y]", "{k: a:b}", "{a: b,}", "[{a: [b, {c: d}]}, []]", "[a, [b]", "{a: [b}", "k: [a] x", "k: {a: 1}, b", "\"a\": 1", "'a' : b",
            "a: 'it''s'", "a: \"\\u00e9\\x41\\n\\t\\\\\\\"\\/\\N\\_\\L\\P\\e\\0\\ \"", "a: \"\\q\"", "a: \"\\U0001F600\"",
            "a: \"\\ud800\"", "a: b\r\nc: d\r\n", "a: b\rc: d", "  a: 1\n  b: 2\n", "a", "a\n", "a\nb", "'a'\n",
            "- - a\n  - b\n- c", "- a: 1\n  b: 2\n- c: 3\n", "a:\n- b: 1\n  c: 2\nd: 3\n", "a: b: c", "a: - b",
            "a:\n  b\n  c\n", "a: b\n  c\n", "a: &x 1", "a: *x", "a: !t 1", "a: |\n  x\n", "a: >\n  x\n", "? a\n: b",
            "%YAML 1.2\n---\na: 1", "a:\tb", "a: 1\n b: 2", "a: 1\n- b", "[a, b]", "{}", "[]", "- a\nb: 1",
            "a: \"open", "a: 'open", "a: 'x' y", "\ufeffa: 1", "a: 😀", "a: b\n---\nc: d\n...\n---\n", "<<: {}",
            "a: -\n", "- -1\n", "a: -1", "a: ---", "---a: 1", "--- a: 1", "a: 1 # c\nb: 'x' # d\n", "a:b: c",
            "a: x#y", "a: x #y", "a: \"x\"#y", "a:\n  - b\n  -\n  - c\n", "a:\n\n\n  b: 1\n\n", "\n\n\na: 1",
            "a:\n  # c\n  b: 1\n# d\nc: 2", "a: 1\na: 2", "1: 2\ntrue: ~\nnull: x\n", "é: ü\n中: 文\n", "a: \u0085",
            "a: 1\n  # deeper comment\nb: 2", "- a\n  # c\n- b", "a:\n -\n  b", "-\n  a: 1\n  b: 2\n-\n  - x\n",
            "a:\n  b:\n    c:\n      d: [x]\n", "a: 1\n---\n", "a: 1\n--- \n# c\n", "a:  \n  - x\n  - y\n",
            "k: v\n k2: v2\n", "- a\n - b\n", "a: |\n  x\n", "a: |-\n  x\n  y\n",
            "a: |+\n  x\n\n\nb: 1\n", "a: |\n  x\n\n  y\n", "a: |\n\n  x\n", "a: |\n  x\n   y\n  z\n", "a: |\n  x\n# c\nb: 2",
            "a: |\n  # not a comment\n", "a: |2\n  x\n", "a: |-2\n  x\n", "a: | # c\n  x\n", "a: |\n  x", "a: |\nb: 1",
            "- |\n  x\n- |-\n  y\n", "a:\n  - |\n    x\n  - b\n", "a: |\n  x\n  \n  y\n", "a: |\n x\n  y\nb: 2",
            "a: |\n  x\n ---\n", "a: |\n  x\n---\nb: 1\n", "a: |\r\n  x\r\n\r\n  y\r\n", "a: |\n  x\n   b: 1\n",
            "a: |\n    x\n  y\n", "- a: |\n    x\n  b: 1\n", "|\n x\n", "a: >\n  x\n", "a: |\n  é: #\n", "a: |+\n  x\n\n",
            "a: |-\n  x\n\n", "a: |\n  x\n\n", "a: |x\n  x\n", "a: |#\n  x\n", "a:\n  |\n   x\n", "- |\n x\n-\n", "a: '\n'", "a: ' x '", "a: \" x \"", "a: x  ", "'k''q': v");

    @Test
    void agreesWithSnakeyamlOnEdgeCases() {
        List<String> accepted = new ArrayList<>();
        for (String text : EDGES) {
            try {
                if (agreesOrDeclines(new SourceText("edge.yaml", text))) {
                    accepted.add(text);
                }
            } catch (AssertionError e) {
                throw new AssertionError("edge case " + visible(text) + ": " + e.getMessage(), e);
            }
        }
        // The common shapes among the edges are composed, not declined.
        assertThat(accepted).contains("", "---\n", "a:\n", "key: [a, b]", "k: {}", "\"a\": 1", "a: 'it''s'",
                "a: b\r\nc: d\r\n", "- a: 1\n  b: 2\n- c: 3\n", "{a, b: c}",
                "[{a: [b, {c: d}]}, []]", "x: {p} # c", "a: |+\n  x\n\n\nb: 1\n", "- a: |\n    x\n  b: 1\n", "a:\n- b: 1\n  c: 2\nd: 3\n", "a: 1 # c\nb: 'x' # d\n");
    }

    @Test
    void agreesWithSnakeyamlOnGeneratedTexts() {
        int[] accepted = {0};
        SeededProperty.check(3000, List.of(), GeneratedYaml::text, text -> {
            if (agreesOrDeclines(new SourceText("generated.yaml", text))) {
                accepted[0]++;
            }
        });
        // Most generated texts hold some scalar the subset leaves to snakeyaml; a good share hold none.
        assertThat(accepted[0]).isGreaterThan(300);
    }

    @Test
    void agreesWithSnakeyamlOnCorruptedTexts() {
        SeededProperty.check(3000, List.of(), GeneratedYaml::corrupted,
                text -> agreesOrDeclines(new SourceText("corrupted.yaml", text)));
    }

    @Test
    void agreesWithSnakeyamlOnEveryYamlFileOfTheRepository() throws IOException {
        List<Path> files = repositoryYamlFiles();
        assertThat(files).hasSizeGreaterThan(30);
        List<Path> declined = new ArrayList<>();
        for (Path file : files) {
            if (!agreesOrDeclines(new SourceText(file.toString(), read(file)))) {
                declined.add(file);
            }
        }
        // Left to snakeyaml: test inputs with flow mappings over several lines and deliberately broken YAML.
        assertThat(declined).hasSizeLessThan(files.size() / 4);
    }

    @Test
    void composesTheSeedAndTheBenchmarksTeamFilesItself() throws IOException {
        List<Path> files = repositoryYamlFiles().stream()
                .filter(p -> p.toString().contains("/examples/seed/") || p.toString().contains("/team-files/")).toList();
        assertThat(files).hasSize(8 + 4);
        for (Path file : files) {
            try {
                assertThat(agrees(new SourceText(file.toString(), read(file)))).isTrue();
            } catch (OutsideSubset declined) {
                throw new AssertionError(file + " is outside the subset: " + declined.getMessage());
            }
        }
    }

    /** Every YAML file of the repository (this module's parent), built output left out. */
    private static List<Path> repositoryYamlFiles() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")).sorted().toList();
        }
    }

    /** True when the subset composed {@code text} (and agreed with snakeyaml), false when it declined. */
    private static boolean agreesOrDeclines(SourceText text) {
        try {
            return agrees(text);
        } catch (OutsideSubset declined) {
            return false;
        }
    }

    /** True when the subset composed {@code text} and agreed with snakeyaml; {@link OutsideSubset} if it declined. */
    private static boolean agrees(SourceText text) {
        List<Node> subset = YamlDocuments.composeSubset(text);
        List<Node> reference = new ArrayList<>();
        assertThat(YamlDocuments.eachBySnakeyaml(text, reference::add)).as("snakeyaml's errors on a text the subset took")
                .isEmpty();
        assertThat(NodeTrees.render(subset)).as("the trees of %s", visible(text.text()))
                .isEqualTo(NodeTrees.render(reference));
        return true;
    }

    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
