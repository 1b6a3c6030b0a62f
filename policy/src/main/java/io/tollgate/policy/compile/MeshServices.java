package io.tollgate.policy.compile;

import io.tollgate.policy.route.Hostname;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-mesh services a sidecar may route to by name (the egress gateway's, above all), which no ServiceEntry
 * registers: Istio learns them from Kubernetes, Tollgate is told. A route to a host that is neither here nor in a
 * visible ServiceEntry cannot be followed.
 */
public record MeshServices(Map<Hostname, MeshService> services) {
    public MeshServices {
        services = Map.copyOf(services);
        services.forEach((host, service) -> {
            if (!host.equals(service.host())) {
                throw new IllegalArgumentException("mesh service " + service.host() + " is filed under " + host);
            }
        });
    }

    public static MeshServices none() {
        return new MeshServices(Map.of());
    }

    /** Services by host; two entries for the same host are one service with the ports of both. */
    public static MeshServices of(Collection<MeshService> services) {
        Map<Hostname, MeshService> byHost = new LinkedHashMap<>();
        services.forEach(s -> byHost.merge(s.host(), s, MeshService::merge));
        return new MeshServices(byHost);
    }

    public Optional<MeshService> find(String host) {
        try {
            return Optional.ofNullable(services.get(Hostname.of(host)));
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
    }
}
