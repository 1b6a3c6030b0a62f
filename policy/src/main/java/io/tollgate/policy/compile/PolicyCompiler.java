package io.tollgate.policy.compile;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.TargetRef;
import io.tollgate.policy.authz.Action;
import io.tollgate.policy.authz.Attachment;
import io.tollgate.policy.authz.AuthorizationEngine;
import io.tollgate.policy.authz.CompiledPolicy;
import io.tollgate.policy.authz.CompiledPolicy.Enforcement;
import io.tollgate.policy.authz.CompiledRule;
import io.tollgate.policy.authz.PolicyId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The only bridge from loaded AuthorizationPolicies ({@code io.tollgate.model.security}) to the runtime
 * ({@code io.tollgate.policy.authz}): compiles a whole configuration into one immutable {@link AuthorizationEngine}
 * for TCP, as Istio's {@code pilot/pkg/security/authz/builder} builds the RBAC network filters of a proxy.
 *
 * <p>Expects validated input (the loader rejects what Istio's webhook rejects) but never throws on a value Istio
 * would accept at runtime: whatever Istio does with it, this does too, and says so in a {@link CompileNote}.
 * Holds no state between calls: one instance may compile on any number of threads.
 */
public final class PolicyCompiler {
    private final MeshConfig mesh;
    private final RuleCompiler rules;

    public PolicyCompiler(MeshConfig mesh) {
        this.mesh = Objects.requireNonNull(mesh, "mesh");
        this.rules = new RuleCompiler(new TrustDomainBundle(mesh));
    }

    public Compilation compile(List<AuthorizationPolicy> policies) {
        List<CompileNote> notes = new ArrayList<>();
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (AuthorizationPolicy policy : policies) {
            compiled.add(compile(policy, notes));
        }
        return new Compilation(new AuthorizationEngine(mesh.rootNamespace(), compiled), notes);
    }

    private CompiledPolicy compile(AuthorizationPolicy policy, List<CompileNote> notes) {
        PolicyId id = new PolicyId(policy.meta().namespace(), policy.meta().name());
        Action action = Action.valueOf(policy.action().name());
        Optional<Boolean> dryRun = DryRun.of(policy);
        if (dryRun.isEmpty()) {
            notes.add(note(policy, "metadata.annotations." + AuthorizationPolicy.DRY_RUN_ANNOTATION, "'"
                    + policy.meta().annotations().get(AuthorizationPolicy.DRY_RUN_ANNOTATION)
                    + "' is not a boolean; the policy is enforced, as Istio does"));
        }
        if (action == Action.CUSTOM) {
            // Istio denies what a CUSTOM policy matches when its extension provider cannot be used
            // ("will generate deny configs"); Tollgate has no provider at all, so it always fails closed that way.
            notes.add(note(policy, "spec.action", "CUSTOM needs an external authorizer, which Tollgate does not have: "
                    + "connections that match its rules are denied"));
        }
        if (policy.rules().isEmpty() && action == Action.ALLOW) {
            notes.add(note(policy, "spec.rules", "an ALLOW policy without rules matches nothing, so it denies every "
                    + "connection to the workloads it selects"));
        }
        List<CompiledRule> compiledRules = new ArrayList<>();
        for (int i = 0; i < policy.rules().size(); i++) {
            rules.compile(id, action, i, policy.rules().get(i), notes)
                    .ifPresent(compiledRules::add);
        }
        Enforcement enforcement = dryRun.orElse(false) ? Enforcement.DRY_RUN : Enforcement.ENFORCED;
        return new CompiledPolicy(id, action, enforcement, attachment(policy), compiledRules);
    }

    private static Attachment attachment(AuthorizationPolicy policy) {
        if (!policy.targetRefs().isEmpty()) {
            List<Attachment.Target> targets = policy.targetRefs().stream().map(PolicyCompiler::target).toList();
            return new Attachment.TargetRefs(policy.meta().namespace(), targets);
        }
        return policy.selector().<Attachment>map(s -> new Attachment.Selector(s.matchLabels()))
                .orElse(Attachment.ALL_WORKLOADS);
    }

    private static Attachment.Target target(TargetRef ref) {
        return new Attachment.Target(orEmpty(ref.group()), orEmpty(ref.kind()), orEmpty(ref.name()),
                orEmpty(ref.namespace()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static CompileNote note(AuthorizationPolicy policy, String field, String message) {
        return new CompileNote(policy.meta().location(), policy.meta().qualifiedName(), field, message);
    }
}
