package io.tollgate.policy.authz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every compiled AuthorizationPolicy of one configuration, indexed by namespace. Immutable: a new configuration
 * is a new engine, swapped in whole.
 *
 * <p>A policy can only apply to workloads in its own namespace, or to workloads in every namespace when it lives in
 * the mesh root namespace. {@link #forWorkload} therefore looks at two index entries and never at the policies of
 * other namespaces, and the {@link WorkloadAuthorizer} it returns holds only the rules that apply: the cost of a
 * decision does not grow with policies that cannot apply to the workload.
 */
public final class AuthorizationEngine {
    private final String rootNamespace;
    private final List<CompiledPolicy> policies;
    private final Map<String, List<CompiledPolicy>> byNamespace;

    public AuthorizationEngine(String rootNamespace, List<CompiledPolicy> policies) {
        this.rootNamespace = Objects.requireNonNull(rootNamespace, "rootNamespace");
        this.policies = policies.stream().sorted(Comparator.comparing(CompiledPolicy::id)).toList();
        Map<String, List<CompiledPolicy>> index = new LinkedHashMap<>();
        for (CompiledPolicy policy : this.policies) {
            index.computeIfAbsent(policy.id().namespace(), ns -> new ArrayList<>()).add(policy);
        }
        index.replaceAll((ns, list) -> List.copyOf(list));
        this.byNamespace = Map.copyOf(index);
    }

    public static AuthorizationEngine empty(String rootNamespace) {
        return new AuthorizationEngine(rootNamespace, List.of());
    }

    /**
     * The policies that apply to {@code workload}: those of the root namespace and of the workload's namespace
     * whose selector (or targetRefs) picks it.
     */
    public List<CompiledPolicy> applicableTo(Workload workload) {
        List<CompiledPolicy> applicable = new ArrayList<>();
        for (String namespace : workload.namespace().equals(rootNamespace)
                ? List.of(rootNamespace) : List.of(rootNamespace, workload.namespace())) {
            for (CompiledPolicy policy : byNamespace.getOrDefault(namespace, List.of())) {
                if (policy.attachment().appliesTo(workload)) {
                    applicable.add(policy);
                }
            }
        }
        return List.copyOf(applicable);
    }

    /** The object that decides every connection to {@code workload}; build it once per workload and keep it. */
    public WorkloadAuthorizer forWorkload(Workload workload) {
        return new WorkloadAuthorizer(workload, applicableTo(workload));
    }

    /** Decides one connection from scratch; for tools and tests. Proxies keep a {@link #forWorkload} result. */
    public Decision decide(Workload workload, Connection connection) {
        return forWorkload(workload).decide(connection);
    }

    public String rootNamespace() {
        return rootNamespace;
    }

    /** Every policy, sorted by namespace and name. */
    public List<CompiledPolicy> policies() {
        return policies;
    }
}
