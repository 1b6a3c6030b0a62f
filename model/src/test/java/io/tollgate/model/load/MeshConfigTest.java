package io.tollgate.model.load;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.validation.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The mesh config file, in Istio's MeshConfig field names. */
class MeshConfigTest {
    @TempDir
    Path dir;

    private LoadResult mesh(String yaml) {
        Path file = new Loads(dir).write("mesh.yaml", yaml);
        return new ResourceLoader().load(List.of(), Optional.of(file));
    }

    @Test
    void everyFieldTollgateUses() {
        LoadResult result = mesh("""
                rootNamespace: mesh-root
                trustDomain: example.org
                trustDomainAliases: [old.example.org, cluster.local]
                outboundTrafficPolicy: {mode: REGISTRY_ONLY}
                """);
        assertThat(result.diagnostics()).isEmpty();
        MeshConfig mesh = result.resources().mesh();
        assertThat(mesh.rootNamespace()).isEqualTo("mesh-root");
        assertThat(mesh.trustDomain()).isEqualTo("example.org");
        assertThat(mesh.trustDomainAliases()).containsExactly("old.example.org", "cluster.local");
        assertThat(mesh.outboundTrafficPolicy()).isEqualTo(MeshConfig.OutboundTrafficPolicy.REGISTRY_ONLY);
        assertThat(mesh.location()).hasToString(dir.resolve("mesh.yaml") + ":1");
    }

    @Test
    void defaultsWhenFieldsOrTheWholeFileAreMissing() {
        MeshConfig empty = mesh("# nothing set\n").resources().mesh();
        assertThat(empty.rootNamespace()).isEqualTo("istio-system");
        assertThat(empty.trustDomain()).isEqualTo("cluster.local");
        assertThat(empty.outboundTrafficPolicy()).isEqualTo(MeshConfig.OutboundTrafficPolicy.ALLOW_ANY);
        assertThat(new ResourceLoader().load(List.of(), Optional.empty()).resources().mesh()).isEqualTo(MeshConfig.DEFAULT);
    }

    @Test
    void knownButUnusedFieldsWarnAndUnknownFieldsFail() {
        LoadResult result = mesh("""
                accessLogFile: /dev/stdout
                enableAutoMtls: true
                outboundTrafficPolicy:
                  mode: ALLOW_ANY
                  tls: {mode: SIMPLE}
                trustDomian: example.org
                """);
        assertThat(Loads.warnings(result)).extracting(Diagnostic::field)
                .containsExactly("accessLogFile", "enableAutoMtls", "outboundTrafficPolicy.tls");
        assertThat(Loads.errors(result)).extracting(Diagnostic::toString).containsExactly(
                dir.resolve("mesh.yaml") + ":6: MeshConfig: trustDomian: unknown field \"trustDomian\"");
    }

    @Test
    void invalidValues() {
        LoadResult result = mesh("""
                rootNamespace: Istio_System
                trustDomain: "bad domain"
                outboundTrafficPolicy: {mode: REGISTRY}
                """);
        assertThat(Loads.errors(result)).extracting(Diagnostic::field, d -> d.location().line()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rootNamespace", 1),
                org.assertj.core.groups.Tuple.tuple("trustDomain", 2),
                org.assertj.core.groups.Tuple.tuple("outboundTrafficPolicy.mode", 3));
    }

    @Test
    void aWrappedOrKubernetesShapedFileIsExplained() {
        assertThat(Loads.errors(mesh("meshConfig:\n  trustDomain: x\n"))).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("move the content of meshConfig up one level"));
        assertThat(Loads.errors(mesh("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio}\ndata: {mesh: x}\n")))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("--mesh-config takes MeshConfig fields"));
    }

    @Test
    void aMissingMeshConfigLoadsNothing() {
        Path file = new Loads(dir).write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: demo}\n");
        LoadResult result = new ResourceLoader().load(List.of(file), Optional.of(dir.resolve("absent.yaml")));
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.resources().all()).isEmpty();
    }
}
