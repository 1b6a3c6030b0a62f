package io.tollgate.policy.authz;

import java.util.Objects;

/** An AuthorizationPolicy's identity, printed {@code namespace/name} as Istio prints it in logs and decisions. */
public record PolicyId(String namespace, String name) implements Comparable<PolicyId> {
    public PolicyId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The name Istio gives rule {@code ruleIndex} of this policy in the Envoy RBAC config. Envoy keeps its policies in
     * a map sorted by this name and reports the first that matches, so sorting by it reproduces which policy Envoy
     * would name as the deciding one.
     */
    public String envoyRuleName(int ruleIndex) {
        return "ns[" + namespace + "]-policy[" + name + "]-rule[" + ruleIndex + "]";
    }

    @Override
    public int compareTo(PolicyId other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
