package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A misspelt field in any of the five kinds is an error naming its file, line, resource and field. */
class MisspeltFieldTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ServiceEntry        | networking.istio.io/v1beta1 | resolutoin: DNS                   | spec.resolutoin
            Gateway             | networking.istio.io/v1      | selctor: {istio: egressgateway}   | spec.selctor
            DestinationRule     | networking.istio.io/v1      | hots: db.example.com              | spec.hots
            VirtualService      | networking.istio.io/v1alpha3| gatways: [mesh]                   | spec.gatways
            AuthorizationPolicy | security.istio.io/v1        | acton: DENY                       | spec.acton
            """)
    void topLevelSpecField(String kind, String apiVersion, String misspelt, String path) {
        String yaml = """
                # a comment, so that lines are not just document offsets
                apiVersion: %s
                kind: %s
                metadata:
                  name: thing
                  namespace: demo
                spec:
                  %s
                """.formatted(apiVersion, kind, misspelt);
        Path file = new Loads(dir).write("conf/" + kind + ".yaml", yaml);
        LoadResult result = new ResourceLoader().load(List.of(file), Optional.empty());

        assertThat(result.hasErrors()).isTrue();
        String key = misspelt.substring(0, misspelt.indexOf(':'));
        assertThat(Loads.errors(result)).extracting(Diagnostic::toString)
                .contains(file + ":8: " + kind + " demo/thing: " + path + ": unknown field \"" + key + "\"");
        assertThat(result.resources().all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ServiceEntry        | ports: [{number: 3306, name: tcp, protocl: TCP}]                        | spec.ports[0].protocl
            Gateway             | servers: [{port: {number: 80, name: http, protocol: HTTP, nmae: x}}]    | spec.servers[0].port.nmae
            DestinationRule     | trafficPolicy: {tls: {mode: ISTIO_MUTUAL, snii: x}}                     | spec.trafficPolicy.tls.snii
            VirtualService      | tcp: [{route: [{destination: {host: a.b, prot: {number: 1}}}]}]         | spec.tcp[0].route[0].destination.prot
            AuthorizationPolicy | rules: [{from: [{source: {namespace: [a]}}]}]                           | spec.rules[0].from[0].source.namespace
            """)
    void nestedField(String kind, String body, String path) {
        String group = kind.equals("AuthorizationPolicy") ? "security.istio.io/v1" : "networking.istio.io/v1";
        LoadResult result = new Loads(dir).load("n.yaml", """
                apiVersion: %s
                kind: %s
                metadata: {name: thing, namespace: demo}
                spec:
                  %s
                """.formatted(group, kind, body));
        String key = path.substring(path.lastIndexOf('.') + 1);
        assertThat(Loads.errors(result)).anySatisfy(d -> {
            assertThat(d.location().line()).isEqualTo(5);
            assertThat(d.field()).isEqualTo(path);
            assertThat(d.message()).isEqualTo("unknown field \"" + key + "\"");
        });
    }
}
