package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.policy.authz.CompiledPolicy;
import io.tollgate.policy.compile.Compilation;
import io.tollgate.policy.compile.PolicyCompiler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshot after snapshot, a proxy's reading and compiling of its policies equals reading and compiling everything
 * afresh, while only what changed is compiled again.
 */
class PolicyRecompilerTest {
    private static final String POLICY = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: %s
              namespace: istio-system
            spec:
              action: ALLOW
              rules:
              - from:
                - source:
                    principals: ["cluster.local/ns/%s/sa/app"]
                to:
                - operation:
                    ports: ["3306"]
              - from:
                - source:
                    principals: ["cluster.local/ns/%<s/sa/admin"]
                to:
                - operation:
                    methods: [GET]
            """;
    private static final ConfigDocument MESH = new ConfigDocument(ControlPlane.MESH_CONFIG_SOURCE, 1,
            "trustDomain: cluster.local\n");
    private static final ConfigDocument OTHER_MESH = new ConfigDocument(ControlPlane.MESH_CONFIG_SOURCE, 1,
            "trustDomain: cluster.local\ntrustDomainAliases: [old.example]\n");

    private static ConfigDocument policy(String file, String name, String team) {
        return new ConfigDocument(file, 3, POLICY.formatted(name, team));
    }

    @Test
    void everySnapshotCompilesAsAFreshCompileWouldAndUnchangedPoliciesAreKept() {
        SnapshotReader reader = new SnapshotReader(SnapshotReader.Parsing.ON_ALL_CORES);
        PolicyRecompiler recompiler = new PolicyRecompiler();
        ConfigDocument a = policy("conf/a.yaml", "a", "team-a");
        ConfigDocument b = policy("conf/b.yaml", "b", "team-b");
        ConfigDocument c = policy("conf/c.yaml", "c", "team-c");

        Compilation first = compileBoth(reader, recompiler, new Snapshot("v1", List.of(MESH, a, b, c)));
        // b edited, c removed, d added: a is kept as it was compiled, the rest is compiled anew.
        ConfigDocument edited = policy("conf/b.yaml", "b", "team-x");
        ConfigDocument d = policy("conf/d.yaml", "d", "team-d");
        Compilation second = compileBoth(reader, recompiler, new Snapshot("v2", List.of(MESH, a, edited, d)));

        assertThat(named(second, "a")).isSameAs(named(first, "a"));
        assertThat(named(second, "b")).isNotEqualTo(named(first, "b"));
        assertThat(second.engine().policies()).extracting(p -> p.id().name()).containsExactly("a", "b", "d");
        // Each ALLOW rule with an HTTP method carries a note; three policies, three notes, in policy order.
        assertThat(second.notes()).extracting(n -> n.policy()).containsExactly("istio-system/a", "istio-system/b",
                "istio-system/d");

        // A new mesh config (trust domain aliases change what principals match) compiles everything again.
        Compilation third = compileBoth(reader, recompiler, new Snapshot("v3", List.of(OTHER_MESH, a, edited, d)));
        assertThat(named(third, "a")).isNotSameAs(named(second, "a"));
    }

    /** Compiles {@code snapshot} with the recompiler and afresh, asserts both agree, returns the recompiler's. */
    private static Compilation compileBoth(SnapshotReader reader, PolicyRecompiler recompiler, Snapshot snapshot) {
        LoadResult loaded = reader.read(snapshot);
        assertThat(loaded.hasErrors()).as("%s", loaded.diagnostics()).isFalse();
        ResourceSet resources = loaded.resources();
        Compilation kept = recompiler.compile(resources.mesh(), resources.authorizationPolicies());
        ResourceSet fresh = new SnapshotReader(SnapshotReader.Parsing.ON_CALLING_THREAD).read(snapshot).resources();
        Compilation anew = new PolicyCompiler(fresh.mesh()).compile(fresh.authorizationPolicies());
        assertThat(kept.engine().policies()).isEqualTo(anew.engine().policies());
        assertThat(kept.notes()).isEqualTo(anew.notes()).isNotEmpty();
        assertThat(kept.engine().rootNamespace()).isEqualTo(anew.engine().rootNamespace());
        return kept;
    }

    private static CompiledPolicy named(Compilation compilation, String name) {
        return compilation.engine().policies().stream().filter(p -> p.id().name().equals(name)).findFirst().orElseThrow();
    }
}
