package io.tollgate.model.mesh;

import io.tollgate.model.SourceLocation;

import java.util.List;

/**
 * The parts of Istio's MeshConfig Tollgate uses, in MeshConfig's own field names.
 *
 * @param location where the mesh config was read from, or {@link SourceLocation#UNKNOWN} for the defaults
 */
public record MeshConfig(String rootNamespace, String trustDomain, List<String> trustDomainAliases,
                         OutboundTrafficPolicy outboundTrafficPolicy, SourceLocation location) {
    public static final MeshConfig DEFAULT = new MeshConfig("istio-system", "cluster.local", List.of(),
            OutboundTrafficPolicy.ALLOW_ANY, SourceLocation.UNKNOWN);

    public MeshConfig {
        trustDomainAliases = List.copyOf(trustDomainAliases);
    }

    /** {@code outboundTrafficPolicy.mode}. */
    public enum OutboundTrafficPolicy { ALLOW_ANY, REGISTRY_ONLY }
}
