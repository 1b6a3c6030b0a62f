package io.tollgate.policy.compile;

import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.policy.authz.AuthorizationEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler's golden cases ({@code authz-golden/README.md}): each {@code <case>-in.yaml} (and optional
 * {@code -mesh.yaml}) is loaded with the real loader and compiled; every line of {@code <case>-out.txt} must get
 * exactly the expected decision summary.
 */
class GoldenCasesTest {
    static Path folder() throws URISyntaxException {
        return Path.of(GoldenCasesTest.class.getResource("/authz-golden").toURI());
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-in.yaml"))
                    .map(n -> n.substring(0, n.length() - "-in.yaml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadedPoliciesGiveTheExpectedDecisions(String name) throws Exception {
        Path mesh = folder().resolve(name + "-mesh.yaml");
        LoadResult loaded = new ResourceLoader().load(List.of(folder().resolve(name + "-in.yaml")),
                Files.exists(mesh) ? Optional.of(mesh) : Optional.empty());
        assertThat(loaded.hasErrors()).as("%s loads without errors: %s", name, loaded.diagnostics()).isFalse();
        AuthorizationEngine engine = new PolicyCompiler(loaded.resources().mesh())
                .compile(loaded.resources().authorizationPolicies()).engine();
        List<GoldenQuery> queries = GoldenQuery.read(folder().resolve(name + "-out.txt"));

        assertThat(queries).isNotEmpty();
        for (GoldenQuery query : queries) {
            assertThat(engine.decide(query.workload(), query.connection()).summary())
                    .as("%s-out.txt:%d", name, query.line()).isEqualTo(query.expected());
        }
    }
}
