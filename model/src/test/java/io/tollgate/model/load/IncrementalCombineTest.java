package io.tollgate.model.load;

import io.tollgate.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept combination equals a fresh load after every edit, diagnostics and their order included: random sequences
 * of documents added, removed, renamed, duplicated, references broken and fixed, Namespaces coming and going, the
 * mesh config changing, texts reordered. Names are drawn from a handful so that duplicates and references meet.
 */
class IncrementalCombineTest {
    private static final List<String> NAMESPACES = List.of("a", "b", "istio-system");
    private static final List<String> NAMES = List.of("x", "y");
    private static final List<Optional<SourceText>> MESHES = List.of(Optional.empty(),
            Optional.of(new SourceText("mesh.yaml", "rootNamespace: istio-system\n")),
            Optional.of(new SourceText("mesh.yaml", "rootNamespace: b\n")));

    private final ResourceLoader loader = new ResourceLoader();

    /** One step: the documents (one text each, as the control plane keeps them) and the mesh config. */
    private record Step(List<SourceText> texts, Optional<SourceText> mesh) {
    }

    @Test
    void afterEveryEditTheKeptCombinationEqualsAFreshLoad() {
        SeededProperty.check(60, List.of(), IncrementalCombineTest::edits, steps -> {
            IncrementalCombine kept = new IncrementalCombine();
            Map<SourceText, ReadText> read = new HashMap<>(); // texts that did not change keep their reading
            int errors = 0;
            for (Step step : steps) {
                List<ReadText> texts = step.texts().stream().map(t -> read.computeIfAbsent(t, loader::read)).toList();
                LoadResult fresh = loader.loadTexts(step.texts(), step.mesh());
                assertThat(kept.combine(texts, step.mesh())).isEqualTo(fresh);
                errors += fresh.hasErrors() ? 1 : 0;
            }
            assertThat(errors).as("the sequence reaches invalid sets").isPositive();
        });
    }

    @Test
    void textsMovedFarInALongListAreFollowedAsAFreshLoadSeesThem() {
        SeededProperty.check(20, List.of(), random -> {
            List<SourceText> texts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                texts.add(new SourceText("f" + i + ".yaml", document(random)));
            }
            return texts;
        }, texts -> {
            IncrementalCombine kept = new IncrementalCombine();
            Map<SourceText, ReadText> read = new HashMap<>();
            List<SourceText> now = new ArrayList<>(texts);
            for (int move = 0; move < 6; move++) {
                SourceText moved = now.remove(move * 7);
                now.add(Math.min(now.size(), 100 + move * 13), moved); // past the walk's look-ahead, and back
                List<ReadText> reading = now.stream().map(t -> read.computeIfAbsent(t, loader::read)).toList();
                assertThat(kept.combine(reading, MESHES.get(1))).isEqualTo(loader.loadTexts(now, MESHES.get(1)));
            }
        });
    }

    @Test
    void aTextListedTwiceIsCombinedAsTheLoaderCombinesItAndDoesNotUpsetTheNextCall() {
        SourceText text = new SourceText("a.yaml", namespace("a"));
        ReadText once = loader.read(text);
        IncrementalCombine kept = new IncrementalCombine();
        kept.combine(List.of(once), Optional.empty());

        LoadResult twice = kept.combine(List.of(once, once), Optional.empty());

        assertThat(twice).isEqualTo(loader.combine(List.of(once, once), Optional.empty()));
        assertThat(twice.hasErrors()).as("the text duplicates itself").isTrue();
        assertThat(kept.combine(List.of(once), Optional.empty())).isEqualTo(loader.loadTexts(List.of(text), Optional.empty()));
    }

    private static List<Step> edits(SplittableRandom random) {
        List<SourceText> texts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            texts.add(new SourceText("f" + i + ".yaml", document(random)));
        }
        Optional<SourceText> mesh = MESHES.get(1);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(List.copyOf(texts), mesh));
        for (int step = 0; step < 40; step++) {
            int at = texts.isEmpty() ? 0 : random.nextInt(texts.size());
            switch (random.nextInt(10)) {
                case 0, 1 -> texts.add(random.nextInt(texts.size() + 1), new SourceText("n" + step + ".yaml", document(random)));
                case 2 -> {
                    if (!texts.isEmpty()) {
                        texts.remove(at);
                    }
                }
                case 3, 4 -> { // an edit in place: often a reference broken or fixed, a name changed
                    if (!texts.isEmpty()) {
                        texts.set(at, new SourceText(texts.get(at).name(), document(random)));
                    }
                }
                case 5 -> { // renamed: the same document in another file, elsewhere in the order
                    if (!texts.isEmpty()) {
                        SourceText moved = texts.remove(at);
                        texts.add(random.nextInt(texts.size() + 1), new SourceText("r" + step + ".yaml", moved.text()));
                    }
                }
                case 6 -> { // duplicated into another file
                    if (!texts.isEmpty()) {
                        texts.add(random.nextInt(texts.size() + 1), new SourceText("d" + step + ".yaml", texts.get(at).text()));
                    }
                }
                case 7 -> { // kept texts in another order (which copy of a name is first changes)
                    if (texts.size() > 1) {
                        texts.add(texts.remove(at));
                    }
                }
                case 8 -> mesh = SeededProperty.oneOf(random, MESHES);
                default -> texts.add(random.nextInt(texts.size() + 1), new SourceText("s" + step + ".yaml",
                        random.nextBoolean() ? namespace(SeededProperty.oneOf(random, NAMESPACES)) : "kind: [broken\n"));
            }
            steps.add(new Step(List.copyOf(texts), mesh));
        }
        return steps;
    }

    private static String document(SplittableRandom random) {
        String ns = SeededProperty.oneOf(random, NAMESPACES);
        String name = SeededProperty.oneOf(random, NAMES);
        return switch (random.nextInt(6)) {
            case 0 -> namespace(ns);
            case 1 -> """
                    apiVersion: networking.istio.io/v1
                    kind: Gateway
                    metadata: {name: %s, namespace: %s}
                    spec:
                      selector: {istio: egressgateway}
                      servers: [{port: {number: 13306, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: ISTIO_MUTUAL}}]
                    """.formatted(name, ns);
            case 2 -> """
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: %s, namespace: %s}
                    spec:
                      host: %s
                      subsets: [{name: %s}]
                    """.formatted(name, ns, host(random), SeededProperty.oneOf(random, List.of("v1", "v2")));
            case 3 -> """
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: %s, namespace: %s}
                    spec:
                      hosts: [db.example.com]
                      gateways: [%s]
                      tcp:
                      - route: [{destination: {host: %s%s}}]
                    """.formatted(name, ns, SeededProperty.oneOf(random, List.of("mesh", "x", "a/y", "istio-system/x", "y.b")),
                    host(random), random.nextBoolean() ? ", subset: " + SeededProperty.oneOf(random, List.of("v1", "v2")) : "");
            case 4 -> """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: %s, namespace: %s}
                    spec:
                      action: DENY
                      rules:
                      - from:
                        - source: {namespaces: [%s], notNamespaces: [%s]}
                    """.formatted(name, ns, SeededProperty.oneOf(random, List.of("a", "b", "c", "istio-system", "ns-*")),
                    SeededProperty.oneOf(random, List.of("a", "c", "istio-system")));
            default -> """
                    apiVersion: networking.istio.io/v1
                    kind: ServiceEntry
                    metadata: {name: %s, namespace: %s}
                    spec:
                      hosts: [db.example.com]
                      location: MESH_EXTERNAL
                      resolution: %s
                      ports: [{number: 3306, name: tcp, protocol: TCP}]
                    """.formatted(name, ns, random.nextInt(5) == 0 ? "NOWHERE" : "DNS");
        };
    }

    private static String host(SplittableRandom random) {
        return SeededProperty.oneOf(random, List.of("db.example.com", "db", "other.example.com"));
    }

    private static String namespace(String name) {
        return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + "}\n";
    }
}
