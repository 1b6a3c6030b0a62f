package io.tollgate.policy.compile;

import io.tollgate.model.validation.Severity;
import io.tollgate.policy.scope.Proxy;
import io.tollgate.policy.scope.ProxyKind;
import io.tollgate.policy.scope.ProxyScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden cases of {@code src/test/resources/routes} (see its README): each {@code <case>-in.yaml} compiled for the
 * proxies its header names must print exactly {@code <case>-sidecar-out.txt} and {@code <case>-gateway-out.txt}.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files from the current compiler, then review the diff.
 */
class RouteGoldenTest {
    private static final Path SOURCE_FOLDER = Path.of("src", "test", "resources", "routes");

    static Path folder() throws URISyntaxException {
        return Path.of(RouteGoldenTest.class.getResource("/routes").toURI());
    }

    static Stream<RouteCase> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-in.yaml")).sorted()
                    .map(n -> RouteCase.read(folderUnchecked(), n.substring(0, n.length() - "-in.yaml".length())))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compilesToTheGoldenText(RouteCase c) throws Exception {
        assertThat(c.loaded().count(Severity.ERROR)).as("%s loads without errors: %s", c, c.loaded().diagnostics()).isZero();
        assertThat(c.proxies()).as("%s names at least one proxy", c).isNotEmpty();
        for (ProxyKind kind : ProxyKind.values()) {
            Path expected = folder().resolve(c.outputName(kind));
            if (c.proxies(kind).isEmpty()) {
                assertThat(expected).as("no %s proxy in %s, so no output file", kind, c).doesNotExist();
                continue;
            }
            String actual = c.render(kind);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(SOURCE_FOLDER.resolve(c.outputName(kind)), actual);
                continue;
            }
            assertThat(expected).as("golden file for %s; run with -Dgolden.update=true to create it", kind).exists();
            assertThat(actual).as(c.outputName(kind)).isEqualTo(Files.readString(expected));
        }
    }

    /** What the control plane ships to a proxy compiles, there, to the same table as the whole configuration. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aProxysScopedSetCompilesToTheSameTable(RouteCase c) {
        for (Proxy proxy : c.proxies()) {
            assertThat(c.table(proxy, ProxyScope.of(c.resources(), proxy)))
                    .as("%s: %s", c, proxy).isEqualTo(c.table(proxy, c.resources()));
        }
    }

    @Test
    void everyOutputFileBelongsToACase() throws Exception {
        try (Stream<Path> files = Files.list(folder())) {
            for (String name : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-out.txt")).toList()) {
                String base = name.replaceFirst("-(sidecar|gateway)-out\\.txt$", "");
                assertThat(folder().resolve(base + "-in.yaml")).as(name).exists();
            }
        }
    }

    private static Path folderUnchecked() {
        try {
            return folder();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
