package io.tollgate.controlplane.mesh;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.policy.scope.Proxy;
import io.tollgate.policy.scope.ProxyScope;
import io.tollgate.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxy scoped from what its namespace may see ({@link ExportIndex}) gets exactly what it gets scoped from the
 * whole set, in the same order: random ServiceEntries, DestinationRules (some with workload selectors) and
 * VirtualServices (routes to random hosts, for a gateway) with every form of exportTo, seen by sidecars and a gateway
 * from every namespace and from one that owns nothing.
 */
class ExportIndexTest {
    private static final List<String> NAMESPACES = List.of("a", "b", "c");
    private static final List<String> EXPORTS = List.of("", "[]", "[\".\"]", "[\"*\"]", "[\"b\"]", "[\".\", \"a\"]",
            "[\"c\", \"b\"]");

    @Test
    void aSidecarScopedFromItsNamespacesCandidatesGetsWhatTheWholeSetGivesIt() {
        SeededProperty.check(40, List.of(), ExportIndexTest::mesh, resources -> {
            ExportIndex index = ExportIndex.of(resources);
            for (String namespace : List.of("a", "b", "c", "istio-system", "elsewhere")) {
                for (Map<String, String> labels : List.of(Map.<String, String>of(), Map.of("app", "client"))) {
                    Proxy sidecar = Proxy.sidecar(namespace, labels);
                    assertThat(ProxyScope.of(index.visibleTo(namespace), sidecar)).as("%s %s", namespace, labels)
                            .isEqualTo(ProxyScope.of(resources, sidecar));
                }
                Proxy gateway = Proxy.gateway(namespace, Map.of("istio", "egressgateway"));
                assertThat(ProxyScope.of(index.visibleTo(namespace), gateway)).as("gateway in %s", namespace)
                        .isEqualTo(ProxyScope.of(resources, gateway));
            }
            assertThat(ProxyScope.of(resources, Proxy.gateway("istio-system", Map.of("istio", "egressgateway"))).all())
                    .as("the gateway's scope is not trivially empty").isNotEmpty();
            assertThat(NAMESPACES.stream().mapToInt(ns -> index.visibleTo(ns).all().size()).sum())
                    .as("something is hidden from someone").isLessThan(3 * resources.all().size());
        });
    }

    private static ResourceSet mesh(SplittableRandom random) {
        List<String> documents = new ArrayList<>(List.of("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: egress, namespace: istio-system}
                spec:
                  selector: {istio: egressgateway}
                  servers: [{port: {number: 13306, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: ISTIO_MUTUAL}}]
                """, """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: istio-system}
                spec: {action: DENY, rules: [{from: [{source: {namespaces: [b]}}]}]}
                """, """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: a}
                spec: {action: ALLOW, rules: [{from: [{source: {namespaces: [c]}}]}]}
                """));
        for (int i = 0; i < 30; i++) {
            String ns = SeededProperty.oneOf(random, NAMESPACES);
            String export = SeededProperty.oneOf(random, EXPORTS);
            String exportTo = export.isEmpty() ? "" : "  exportTo: " + export + "\n";
            documents.add(switch (random.nextInt(3)) {
                case 0 -> """
                        apiVersion: networking.istio.io/v1
                        kind: ServiceEntry
                        metadata: {name: se-%d, namespace: %s}
                        spec:
                          hosts: [h%d.example.com]
                          location: MESH_EXTERNAL
                          resolution: DNS
                          ports: [{number: 3306, name: tcp, protocol: TCP}]
                        %s""".formatted(i, ns, i, exportTo);
                case 1 -> """
                        apiVersion: networking.istio.io/v1
                        kind: DestinationRule
                        metadata: {name: dr-%d, namespace: %s}
                        spec:
                          host: h%d.example.com
                        %s%s""".formatted(i, ns, i, exportTo,
                        export.equals("[\".\"]") && random.nextBoolean() ? "  workloadSelector: {matchLabels: {app: client}}\n" : "");
                default -> """
                        apiVersion: networking.istio.io/v1
                        kind: VirtualService
                        metadata: {name: vs-%d, namespace: %s}
                        spec:
                          hosts: [h%d.example.com]
                          gateways: [%s]
                          tcp:
                          - route: [{destination: {host: h%d.example.com}}]
                        %s""".formatted(i, ns, i, random.nextBoolean() ? "mesh" : "istio-system/egress",
                        random.nextInt(30), exportTo);
            });
        }
        LoadResult loaded = new ResourceLoader().loadTexts(List.of(new SourceText("m.yaml", String.join("---\n", documents))),
                Optional.empty());
        // Istio refuses some combinations (a selector with a wide exportTo, "~" with others): those drop out here.
        assertThat(loaded.resources().all()).as("%s", loaded.diagnostics()).hasSizeGreaterThan(23);
        return loaded.resources();
    }
}
