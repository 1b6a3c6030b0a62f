package io.tollgate.model.load;

import io.tollgate.model.validation.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every kind, a valid document plus one top-level spec key that Istio does not define is rejected, and the error
 * names that key at its line. (A misspelling is the commonest such key.)
 */
class UnknownSpecFieldPropertiesTest {
    private static final Set<String> DEFINED = Set.of("hosts", "addresses", "ports", "location", "resolution", "endpoints",
            "workloadSelector", "exportTo", "subjectAltNames", "selector", "servers", "host", "trafficPolicy", "subsets",
            "gateways", "http", "tls", "tcp", "action", "rules", "provider", "targetRef", "targetRefs");

    private static final List<String> VALID = List.of("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: x, namespace: demo}
            spec:
              hosts: [db.example.com]
              ports: [{number: 3306, name: tcp, protocol: TCP}]
              resolution: DNS
            """, """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: x, namespace: demo}
            spec:
              servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
            """, """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: x, namespace: demo}
            spec:
              host: db.example.com
            """, """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: x, namespace: demo}
            spec:
              hosts: [db.example.com]
              tcp: [{route: [{destination: {host: db.example.com}}]}]
            """, """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: x, namespace: demo}
            spec:
              action: ALLOW
              rules: [{}]
            """);

    @Property(tries = 200)
    void anUndefinedSpecKeyIsRejectedByName(@ForAll("documents") String document, @ForAll("keys") String key) {
        String yaml = document + "  " + key + ": 1\n";
        int line = (int) yaml.lines().count();
        LoadResult result = new ResourceLoader().loadTexts(List.of(new SourceText("doc.yaml", yaml)), Optional.empty());

        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("unknown field \"" + key + "\"");
            assertThat(d.field()).isEqualTo("spec." + key);
            assertThat(d.location().line()).isEqualTo(line);
        });
        assertThat(result.resources().all()).isEmpty();
    }

    @Property(tries = 5)
    void theDocumentsAreValidWithoutTheKey(@ForAll("documents") String document) {
        LoadResult result = new ResourceLoader().loadTexts(List.of(new SourceText("doc.yaml", document)), Optional.empty());
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
    }

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.of(VALID);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('A', 'Z', '_', '-').ofMinLength(1).ofMaxLength(20)
                .filter(k -> Character.isLetter(k.charAt(0)) && !DEFINED.contains(k));
    }
}
