package io.tollgate.cli.proxy;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.mesh.MeshConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents re-loaded from a snapshot keep the user's file and line, and one bad document refuses the whole. */
class SnapshotLoaderTest {
    private static final String POLICY = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-demo
              namespace: istio-system
            spec:
              action: %s
              rules:
              - from:
                - source:
                    namespaces: [demo-server]
            """;
    private static final ConfigDocument MESH = new ConfigDocument(ControlPlane.MESH_CONFIG_SOURCE, 1,
            "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n");

    @Test
    void theMeshConfigDocumentIsTheMeshConfig() throws Exception {
        ResourceSet loaded = new SnapshotLoader().load(new Snapshot("v1",
                List.of(MESH, new ConfigDocument("conf/policies.yaml", 7, POLICY.formatted("DENY")))));

        assertThat(loaded.mesh().outboundTrafficPolicy()).isEqualTo(MeshConfig.OutboundTrafficPolicy.REGISTRY_ONLY);
        assertThat(loaded.authorizationPolicies()).singleElement()
                .satisfies(policy -> assertThat(policy.meta().location().toString()).isEqualTo("conf/policies.yaml:7"));
    }

    @Test
    void anInvalidDocumentRefusesTheSnapshotNamingFileLineAndField() {
        Snapshot snapshot = new Snapshot("v2", List.of(MESH, new ConfigDocument("conf/policies.yaml", 7, POLICY.formatted("DNY"))));

        assertThatThrownBy(() -> new SnapshotLoader().load(snapshot))
                .isInstanceOf(SnapshotLoader.Refused.class)
                .hasMessageStartingWith("version v2: 1 error(s): conf/policies.yaml:13: AuthorizationPolicy istio-system/deny-demo: spec.action");
    }

    @Test
    void aLaterSnapshotReusesUnchangedDocumentsAndStillJudgesTheWholeSet() throws Exception {
        SnapshotLoader loader = new SnapshotLoader();
        ConfigDocument first = new ConfigDocument("conf/a.yaml", 1, POLICY.formatted("DENY"));
        ConfigDocument second = new ConfigDocument("conf/b.yaml", 1, POLICY.formatted("DENY").replace("deny-demo", "other"));
        loader.load(new Snapshot("v1", List.of(MESH, first, second)));

        // b.yaml now holds a second policy named like a.yaml's: only the whole-set check can see the duplicate.
        ConfigDocument duplicate = new ConfigDocument("conf/b.yaml", 1, POLICY.formatted("ALLOW"));
        assertThatThrownBy(() -> loader.load(new Snapshot("v2", List.of(MESH, first, duplicate))))
                .isInstanceOf(SnapshotLoader.Refused.class).hasMessageContaining("deny-demo");

        ResourceSet third = loader.load(new Snapshot("v3", List.of(MESH, first, second)));
        ResourceSet fresh = new SnapshotLoader().load(new Snapshot("v3", List.of(MESH, first, second)));
        assertThat(third).isEqualTo(fresh);
        assertThat(third.authorizationPolicies()).extracting(p -> p.meta().name()).containsExactly("deny-demo", "other");
    }
}
