package io.tollgate.dataplane.gateway;

/** The AuthorizationPolicy that decided, as {@code namespace/name}. */
public record PolicyRef(String namespace, String name) {
    public PolicyRef {
        if (namespace == null || namespace.isEmpty() || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a policy reference needs a namespace and a name");
        }
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
