package io.tollgate.policy.authz;

import java.util.List;
import java.util.Map;

/**
 * How a policy picks its workloads among those it can see (its own namespace, or every namespace when it lives in
 * the mesh root namespace: {@link AuthorizationEngine} handles that part). Follows Istio's
 * {@code WorkloadPolicyMatcher.ShouldAttachPolicy} for workloads that are not waypoints.
 */
public sealed interface Attachment {
    /** No selector: every workload the policy can see. */
    Attachment ALL_WORKLOADS = new Selector(Map.of());

    /** {@code selector.matchLabels}: the workload's labels must contain all of them. */
    record Selector(Map<String, String> matchLabels) implements Attachment {
        public Selector {
            matchLabels = Map.copyOf(matchLabels);
        }
    }

    /**
     * {@code targetRef}/{@code targetRefs}: the policy binds to Gateway API resources. Classic workloads (sidecars,
     * {@code istio: egressgateway} deployments) are never selected by it; a Gateway API gateway is selected when a
     * reference names its {@code Gateway} in the policy's own namespace.
     */
    record TargetRefs(String policyNamespace, List<Target> targets) implements Attachment {
        public TargetRefs {
            targets = List.copyOf(targets);
        }
    }

    /** One {@code targetRefs} entry; an empty group is the core group, an empty namespace the policy's own. */
    record Target(String group, String kind, String name, String namespace) {
    }

    default boolean appliesTo(Workload workload) {
        String gatewayName = workload.labels().get(Workload.GATEWAY_NAME_LABEL);
        return switch (this) {
            // Gateway API gateways also honour selectors: Istio's ENABLE_SELECTOR_BASED_K8S_GATEWAY_POLICY defaults on.
            case Selector(Map<String, String> matchLabels) ->
                    workload.labels().entrySet().containsAll(matchLabels.entrySet());
            case TargetRefs(String policyNamespace, List<Target> targets) -> gatewayName != null
                    && policyNamespace.equals(workload.namespace())
                    && targets.stream().anyMatch(t -> targetsGateway(t, gatewayName, workload.namespace()));
        };
    }

    private static boolean targetsGateway(Target target, String gatewayName, String workloadNamespace) {
        return "gateway.networking.k8s.io".equals(target.group()) && "Gateway".equals(target.kind())
                && gatewayName.equals(target.name())
                && (target.namespace().isEmpty() || target.namespace().equals(workloadNamespace));
    }
}
