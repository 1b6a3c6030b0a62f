package io.tollgate.model.load;

import io.tollgate.testkit.SeededProperty;
import io.tollgate.model.validation.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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

    // Letters a-z plus exactly these four, as keys are drawn from; a key starts with a letter.
    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyzAZ_-";
    private static final int MAX_KEY_LENGTH = 20;
    // Shortest and longest keys, the alphabet's first and last characters, '_' and '-' inside a key, and
    // misspellings of defined fields (one letter off, wrong case, an extra letter).
    private static final List<String> EDGE_KEYS = List.of("a", "z", "A", "Z", "zzzzzzzzzzzzzzzzzzzz",
            "Z-_aZ-_aZ-_aZ-_aZ-_a", "a_", "a-", "hots", "Hosts", "hostss", "rule", "targetref");

    private record Case(String document, String key) {
        @Override
        public String toString() {
            return "key \"" + key + "\" after document " + VALID.indexOf(document);
        }
    }

    @Test
    void anUndefinedSpecKeyIsRejectedByName() {
        SeededProperty.check(200, edgeCases(), random -> new Case(SeededProperty.oneOf(random, VALID), key(random)),
                c -> {
                    String yaml = c.document() + "  " + c.key() + ": 1\n";
                    int line = (int) yaml.lines().count();
                    LoadResult result = new ResourceLoader().loadTexts(List.of(new SourceText("doc.yaml", yaml)),
                            Optional.empty());

                    assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).singleElement()
                            .satisfies(d -> {
                                assertThat(d.message()).isEqualTo("unknown field \"" + c.key() + "\"");
                                assertThat(d.field()).isEqualTo("spec." + c.key());
                                assertThat(d.location().line()).isEqualTo(line);
                            });
                    assertThat(result.resources().all()).isEmpty();
                });
    }

    /** Every document, each with every edge key, so each kind meets each edge. */
    private static List<Case> edgeCases() {
        List<Case> cases = new ArrayList<>();
        for (String key : EDGE_KEYS) {
            if (!isUndefinedKey(key)) {
                throw new IllegalStateException("edge key " + key + " is not one the generator could draw");
            }
            VALID.forEach(document -> cases.add(new Case(document, key)));
        }
        return cases;
    }

    private static String key(SplittableRandom random) {
        while (true) {
            String key = IntStream.range(0, 1 + random.nextInt(MAX_KEY_LENGTH))
                    .mapToObj(i -> String.valueOf(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length()))))
                    .reduce("", String::concat);
            if (isUndefinedKey(key)) {
                return key;
            }
        }
    }

    private static boolean isUndefinedKey(String key) {
        return Character.isLetter(key.charAt(0)) && !DEFINED.contains(key);
    }

    /** All five documents: the property is checked on each, as jqwik did exhaustively. */
    @Test
    void theDocumentsAreValidWithoutTheKey() {
        SeededProperty.check(VALID.size(), VALID, random -> SeededProperty.oneOf(random, VALID), document -> {
            LoadResult result = new ResourceLoader().loadTexts(List.of(new SourceText("doc.yaml", document)),
                    Optional.empty());
            assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        });
    }
}
