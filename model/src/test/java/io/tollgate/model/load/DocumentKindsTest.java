package io.tollgate.model.load;

import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which documents are read, skipped with a note or warning, or refused. */
class DocumentKindsTest {
    @TempDir
    Path dir;

    private LoadResult load(String yaml) {
        return new Loads(dir).load("d.yaml", yaml);
    }

    @Test
    void aDocumentWithoutKindIsAnError() {
        LoadResult result = load("apiVersion: v1\nmetadata: {name: x}\n");
        assertThat(Loads.errors(result)).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(1);
            assertThat(d.field()).isEqualTo("kind");
        });
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnError() {
        assertThat(Loads.errors(load("- a\n- b\n"))).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("must be a YAML mapping, found a list"));
    }

    @Test
    void anUnservedVersionOfAKnownKindIsAnError() {
        LoadResult result = load("""
                apiVersion: security.istio.io/v1alpha1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: demo}
                spec: {}
                """);
        assertThat(Loads.errors(result)).extracting(Diagnostic::toString).containsExactly(dir.resolve("d.yaml")
                + ":1: AuthorizationPolicy demo/p: apiVersion: apiVersion security.istio.io/v1alpha1 is not served for "
                + "AuthorizationPolicy; use security.istio.io/v1, security.istio.io/v1beta1");
    }

    @Test
    void otherKubernetesKindsAreSkippedWithANote() {
        LoadResult result = load("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: g, namespace: demo}
                """);
        assertThat(result.hasErrors()).isFalse();
        assertThat(Loads.of(result, Severity.NOTE)).extracting(d -> d.location().line()).containsExactly(1, 5);
        assertThat(Loads.of(result, Severity.NOTE).get(1).message()).contains("gateway.networking.k8s.io", "not the Gateway Tollgate reads");
    }

    @Test
    void istioKindsTollgateDoesNotImplementAreSkippedWithAWarning() {
        LoadResult result = load("""
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: istio-system}
                spec: {mtls: {mode: STRICT}}
                """);
        assertThat(result.hasErrors()).isFalse();
        assertThat(Loads.warnings(result)).singleElement().satisfies(d -> assertThat(d.message()).contains("does not implement PeerAuthentication"));
    }

    @Test
    void aMisspeltIstioKindIsAnErrorNotASilentSkip() {
        LoadResult result = load("""
                apiVersion: networking.istio.io/v1
                kind: VirtualSevice
                metadata: {name: vs, namespace: demo}
                """);
        assertThat(Loads.errors(result)).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("kind");
            assertThat(d.message()).startsWith("unknown kind VirtualSevice in networking.istio.io");
        });
    }

    @Test
    void emptyDocumentsAreIgnored() {
        LoadResult result = load("---\n---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: demo}\n---\n");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.resources().namespaces()).hasSize(1);
    }

    @Test
    void aKubectlListIsReadItemByItem() {
        LoadResult result = load("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Namespace
                  metadata: {name: demo}
                - apiVersion: networking.istio.io/v1
                  kind: Gateway
                  metadata: {name: gw, namespace: demo}
                  spec:
                    servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
                metadata: {resourceVersion: ""}
                """);
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        assertThat(result.resources().all()).hasSize(2);
        assertThat(result.resources().gateways().getFirst().meta().location().line()).isEqualTo(7);
    }

    @Test
    void statusAndServerSetMetadataAreIgnored() {
        LoadResult result = load("""
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: db
                  namespace: demo
                  generation: 3
                  managedFields: [{manager: kubectl}]
                  annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}"}
                spec:
                  hosts: [db.example.com]
                  ports: [{number: 3306, name: tcp, protocol: TCP}]
                  resolution: DNS
                status:
                  addresses: [{value: 240.240.0.1, host: db.example.com}]
                """);
        assertThat(result.diagnostics()).isEmpty();
    }
}
