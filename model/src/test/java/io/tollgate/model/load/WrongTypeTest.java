package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Values of the wrong type or out of range are errors at their own line, as the API server would refuse them. */
class WrongTypeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hosts: db.example.com                                  | spec.hosts          | expected a list, found a string
            hosts: {a: b}                                          | spec.hosts          | expected a list, found a mapping
            ports: [{number: "3306", name: tcp}]                   | spec.ports[0].number| expected an integer, found a string (remove the quotes: 3306)
            ports: [{number: 3306.5, name: tcp}]                   | spec.ports[0].number| expected an integer, found a number
            ports: [{number: 0, name: tcp}]                        | spec.ports[0].number| port number 0 must be in the range 1..65535
            ports: [{number: 65536, name: tcp}]                    | spec.ports[0].number| port number 65536 must be in the range 1..65535
            ports: [{number: 3306, name: 3306}]                    | spec.ports[0].name  | expected a string, found an integer (quote it: "3306")
            ports: [{number: 3306, name: tcp, protocol: SQL}]      | spec.ports[0].protocol | unsupported protocol "SQL"
            resolution: dns                                        | spec.resolution     | invalid value "dns", must be one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS
            location: true                                         | spec.location       | expected a string, found a boolean
            endpoints: [{address: 10.0.0.1, ports: {tcp: "x"}}]     | spec.endpoints[0].ports.tcp | expected an integer, found a string
            workloadSelector: [app]                                | spec.workloadSelector | expected a mapping, found a list
            """)
    void serviceEntryFields(String field, String path, String message) {
        LoadResult result = new Loads(dir).load("se.yaml", """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: db, namespace: demo}
                spec:
                  %s
                """.formatted(field));
        assertThat(Loads.errors(result)).anySatisfy(d -> {
            assertThat(d.field()).isEqualTo(path);
            assertThat(d.message()).startsWith(message);
            assertThat(d.location().line()).isEqualTo(5);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'labels: {version: 1}'          | metadata.labels.version | expected a string, found an integer (quote it: "1")
            'name: [a]'                      | metadata.name           | expected a string, found a list
            'annotations: {a: true}'         | metadata.annotations.a  | 'expected a string, found a boolean (quote it: "true")'
            """)
    void metadataFields(String field, String path, String message) {
        LoadResult result = new Loads(dir).load("m.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  %s
                """.formatted(field));
        assertThat(Loads.errors(result)).extracting(Diagnostic::field, Diagnostic::message)
                .contains(org.assertj.core.groups.Tuple.tuple(path, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            connectTimeout: 10          | 'expected a string, found an integer (quote it: "10")'
            connectTimeout: 10x         | invalid duration "10x" (write it like 10s, 250ms or 1h30m)
            connectTimeout: 500us       | duration must be at least 1ms, got 500us
            connectTimeout: 1.0005s     | only durations to millisecond precision are supported, got 1.0005s
            maxConnections: -1          | must be an integer from 0 to 2147483647, got -1
            """)
    void destinationRuleTcpSettings(String field, String message) {
        LoadResult result = new Loads(dir).load("dr.yaml", """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: db, namespace: demo}
                spec:
                  host: db.example.com
                  trafficPolicy:
                    connectionPool:
                      tcp:
                        %s
                """.formatted(field));
        assertThat(Loads.errors(result)).extracting(Diagnostic::message).containsExactly(message);
        assertThat(Loads.errors(result).getFirst().location().line()).isEqualTo(9);
    }
}
