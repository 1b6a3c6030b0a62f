package io.tollgate.controlplane.client;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.policy.authz.AuthorizationEngine;
import io.tollgate.policy.authz.CompiledPolicy;
import io.tollgate.policy.compile.Compilation;
import io.tollgate.policy.compile.CompileNote;
import io.tollgate.policy.compile.PolicyCompiler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a proxy's AuthorizationPolicies snapshot after snapshot, keeping each policy's compiled form while the
 * policy stays the same: a gateway holding 8,000 policies recompiles the one that was edited, not all of them.
 * The result equals {@link PolicyCompiler#compile} of the whole list (the same compiled policies, the same notes in
 * the same order): each policy compiles on its own, depending only on itself and the mesh config, and the engine
 * is assembled from all of them every time.
 *
 * <p>"The same" is the same instance: {@link SnapshotReader} hands back the very resource of a document that did not
 * change, so an identity map finds it without comparing 8,000 records field by field. A changed mesh config
 * (trust domain aliases) recompiles everything.
 *
 * <p>Used by one proxy's configuration thread only.
 */
public final class PolicyRecompiler {
    private record Compiled(CompiledPolicy policy, List<CompileNote> notes) {
    }

    private MeshConfig mesh;
    private Map<AuthorizationPolicy, Compiled> kept = Map.of();

    public Compilation compile(MeshConfig meshConfig, List<AuthorizationPolicy> policies) {
        PolicyCompiler compiler = new PolicyCompiler(meshConfig);
        Map<AuthorizationPolicy, Compiled> previous = meshConfig.equals(mesh) ? kept : Map.of();
        Map<AuthorizationPolicy, Compiled> now = new IdentityHashMap<>(policies.size());
        List<CompiledPolicy> compiled = new ArrayList<>(policies.size());
        List<CompileNote> notes = new ArrayList<>();
        for (AuthorizationPolicy policy : policies) {
            Compiled one = previous.get(policy);
            if (one == null) {
                Compilation alone = compiler.compile(List.of(policy));
                one = new Compiled(alone.engine().policies().getFirst(), alone.notes());
            }
            now.put(policy, one);
            compiled.add(one.policy());
            notes.addAll(one.notes());
        }
        mesh = meshConfig;
        kept = now;
        return new Compilation(new AuthorizationEngine(meshConfig.rootNamespace(), compiled), notes);
    }
}
