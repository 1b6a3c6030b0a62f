package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ScopeKey;
import io.tollgate.controlplane.distribution.ValidatedConfig;
import io.tollgate.controlplane.source.SourceFile;
import io.tollgate.controlplane.source.SourceSet;
import io.tollgate.controlplane.source.ValidationResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scope kept from version to version and updated from each change must equal the scope computed afresh, for
 * sidecars and gateways, whatever kind of edit comes (policies, exports, added and removed documents, routes, the
 * mesh config); and a scope the change cannot touch must come back as the very same list.
 */
class ModelScopeTest {
    private static final ScopeKey SIDECAR_A = new ScopeKey(ProxyKind.SIDECAR, "a", "default", Map.of("app", "client"));
    private static final ScopeKey SIDECAR_B = new ScopeKey(ProxyKind.SIDECAR, "b", "default", Map.of());
    private static final ScopeKey GATEWAY = new ScopeKey(ProxyKind.GATEWAY, "istio-system", "egress", Map.of("istio", "egressgateway"));
    private static final List<ScopeKey> KEYS = List.of(SIDECAR_A, SIDECAR_B, GATEWAY);

    private final ModelValidator validator = new ModelValidator();
    private final ModelScope kept = new ModelScope();
    private final Map<String, String> files = new LinkedHashMap<>();
    private String mesh = "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n";

    @Test
    void keptScopesFollowEveryKindOfEditExactly() {
        files.put("a.yaml", serviceEntry("db-1", "a", "one.example.com", "") + "---\n" + serviceEntry("db-2", "a", "two.example.com", "[\".\"]")
                + "---\n" + destinationRule("a") + "---\n" + virtualService("a", "one.example.com"));
        files.put("b.yaml", serviceEntry("db-3", "b", "three.example.com", "") + "---\n" + policy("p-b", "b", "ALLOW"));
        files.put("gw.yaml", GATEWAY_YAML + "---\n" + policy("p-root", "istio-system", "DENY") + "---\n" + policy("p-root-2", "istio-system", "ALLOW"));
        List<ConfigDocument> sidecarFirst = kept.documents(SIDECAR_A, publishAndCompare());

        edit("gw.yaml", "name: p-root\n  namespace: istio-system\nspec:\n  action: DENY", "name: p-root\n  namespace: istio-system\nspec:\n  action: AUDIT");
        ValidatedConfig<LoadedMesh> second = publishAndCompare();
        assertThat(kept.documents(SIDECAR_A, second)).as("a policy edit leaves a sidecar's scope as it was")
                .isSameAs(sidecarFirst);

        edit("b.yaml", "db-3\n  namespace: b\nspec:\n  hosts: [three.example.com]\n  exportTo: []",
                "db-3\n  namespace: b\nspec:\n  hosts: [three.example.com]\n  exportTo: [\".\"]");
        publishAndCompare();
        files.put("c.yaml", serviceEntry("db-4", "c", "four.example.com", "[\"a\"]") + "---\n" + policy("p-root-3", "istio-system", "DENY"));
        publishAndCompare();
        files.put("a.yaml", files.get("a.yaml").replace(destinationRule("a") + "---\n", ""));
        publishAndCompare();
        edit("a.yaml", "port: 3306", "port: 3307");
        publishAndCompare();
        files.remove("c.yaml");
        publishAndCompare();
        // Hosts the gateway's route sends to, and one it does not: followed one by one for the gateway too.
        files.put("d.yaml", serviceEntry("db-5", "b", "one.example.com", "") + "---\n" + serviceEntry("db-6", "b", "six.example.com", "")
                + "---\n" + destinationRule("b").replace("istio-egressgateway.istio-system.svc.cluster.local", "one.example.com"));
        List<ConfigDocument> gatewayWithD = kept.documents(GATEWAY, publishAndCompare());
        assertThat(gatewayWithD).extracting(ConfigDocument::source).as("the gateway sees what its route sends to")
                .contains("d.yaml");
        assertThat(gatewayWithD.stream().filter(d -> d.source().equals("d.yaml"))).hasSize(2);
        files.remove("d.yaml");
        publishAndCompare();
        mesh = "rootNamespace: b\n";
        publishAndCompare();
    }

    @Test
    void aRefusedEditInBetweenStillLeavesTheSameDocumentInstances() {
        files.put("a.yaml", serviceEntry("db-1", "a", "one.example.com", "") + "---\n" + policy("p-a", "a", "ALLOW"));
        List<ConfigDocument> sidecarFirst = kept.documents(SIDECAR_A, publishAndCompare());
        String good = files.get("a.yaml");
        files.put("a.yaml", good.replace("action: ALLOW", "action: ALOW"));
        assertThat(validate()).isInstanceOf(ValidationResult.Invalid.class);
        files.put("a.yaml", good.replace("action: ALLOW", "action: DENY"));
        ValidatedConfig<LoadedMesh> third = publishAndCompare();

        List<ConfigDocument> sidecarThird = kept.documents(SIDECAR_A, third);
        assertThat(sidecarThird).isSameAs(sidecarFirst);
        assertThat(sidecarThird).allSatisfy(document -> assertThat(third.documents().stream().anyMatch(d -> d == document))
                .as("%s is one of the new version's own instances", document.location()).isTrue());
    }

    private ValidatedConfig<LoadedMesh> publishAndCompare() {
        ValidationResult<LoadedMesh> result = validate();
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        var valid = (ValidationResult.Valid<LoadedMesh>) result;
        ValidatedConfig<LoadedMesh> config = new ValidatedConfig<>("v" + valid.parsed().generation(), valid.documents(), valid.parsed());
        for (ScopeKey key : KEYS) {
            List<ConfigDocument> fresh = new ModelScope().documents(key, config);
            assertThat(kept.documents(key, config)).as("%s after generation %d", key, valid.parsed().generation())
                    .containsExactlyInAnyOrderElementsOf(fresh);
        }
        return config;
    }

    private ValidationResult<LoadedMesh> validate() {
        List<SourceFile> sources = files.entrySet().stream().map(e -> new SourceFile(Path.of(e.getKey()), e.getValue())).toList();
        return validator.validate(new SourceSet(sources, Optional.of(new SourceFile(Path.of("mesh.yaml"), mesh)),
                Integer.toHexString(files.hashCode() + mesh.hashCode()) + "00000000"));
    }

    private void edit(String file, String from, String to) {
        String text = files.get(file);
        assertThat(text).contains(from);
        files.put(file, text.replace(from, to));
    }

    private static String serviceEntry(String name, String namespace, String host, String exportTo) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  hosts: [%s]
                  exportTo: %s
                  location: MESH_EXTERNAL
                  ports: [{number: 3306, name: tcp-mysql, protocol: TCP}]
                  resolution: DNS
                """.formatted(name, namespace, host, exportTo.isEmpty() ? "[]" : exportTo);
    }

    private static String destinationRule(String namespace) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: to-gateway
                  namespace: %s
                spec:
                  host: istio-egressgateway.istio-system.svc.cluster.local
                  subsets:
                  - name: db
                """.formatted(namespace);
    }

    private static String virtualService(String namespace, String host) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: through-gateway
                  namespace: %1$s
                spec:
                  hosts: [%2$s]
                  gateways: [mesh, istio-system/egress]
                  tcp:
                  - match: [{gateways: [mesh], port: 3306}]
                    route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, subset: db, port: {number: 13306}}}]
                  - match: [{gateways: [istio-system/egress], port: 13306}]
                    route: [{destination: {host: %2$s, port: {number: 3306}}}]
                """.formatted(namespace, host);
    }

    private static String policy(String name, String namespace, String action) {
        return """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  action: %s
                  rules:
                  - from:
                    - source:
                        namespaces: ["a"]
                """.formatted(name, namespace, action);
    }

    private static final String GATEWAY_YAML = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: egress
              namespace: istio-system
            spec:
              selector:
                istio: egressgateway
              servers:
              - port: {number: 13306, name: tls, protocol: TLS}
                hosts: ["*"]
                tls: {mode: ISTIO_MUTUAL}
            """;
}
