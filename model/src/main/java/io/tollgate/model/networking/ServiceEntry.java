package io.tollgate.model.networking;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;
import io.tollgate.model.security.WorkloadSelector;

import java.util.List;
import java.util.Optional;

/**
 * {@code networking.istio.io} ServiceEntry: adds a service (here, usually an external database) to the mesh's
 * registry, which {@code REGISTRY_ONLY} outbound traffic needs.
 *
 * @param workloadSelector {@code spec.workloadSelector.labels}, mutually exclusive with endpoints
 */
public record ServiceEntry(ObjectMeta meta, List<String> hosts, List<String> addresses, List<Port> ports,
                           Location location, Resolution resolution, List<WorkloadEntry> endpoints,
                           Optional<WorkloadSelector> workloadSelector, List<String> exportTo,
                           List<String> subjectAltNames) implements Resource {
    public ServiceEntry {
        hosts = List.copyOf(hosts);
        addresses = List.copyOf(addresses);
        ports = List.copyOf(ports);
        endpoints = List.copyOf(endpoints);
        exportTo = List.copyOf(exportTo);
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    @Override
    public String kind() {
        return "ServiceEntry";
    }

    /** {@code spec.location}; MESH_EXTERNAL when unset, as in Istio's proto. */
    public enum Location { MESH_EXTERNAL, MESH_INTERNAL }

    /** {@code spec.resolution}; NONE when unset, as in Istio's proto. */
    public enum Resolution { NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS }
}
