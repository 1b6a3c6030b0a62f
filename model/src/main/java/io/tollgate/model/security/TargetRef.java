package io.tollgate.model.security;

/** {@code spec.targetRef(s)[i]}: a Gateway API resource the policy attaches to. */
public record TargetRef(String group, String kind, String name, String namespace) {
}
