package io.tollgate.policy.compile;

import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.WorkloadEntry;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Host;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.Resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One port of one host registered by a ServiceEntry: the destination a route finally names, and how to reach it.
 *
 * @param host the concrete host name routed to (the ServiceEntry's own host, or one its wildcard host covers)
 */
record ServicePort(ServiceEntry entry, String host, Port port) {

    PortNumber number() {
        return PortNumber.of(port.number());
    }

    String field() {
        return "spec.ports[" + entry.ports().indexOf(port) + "]";
    }

    /**
     * The protocol that decides how a gateway refuses: MYSQL keeps its name, TLS and HTTPS are TLS, everything else
     * (TCP, MONGO, REDIS, HTTP carried as bytes, or no protocol at all, which Istio would sniff) is plain TCP.
     */
    Protocol protocol() {
        return port.protocol().map(p -> switch (p) {
            case MYSQL -> Protocol.MYSQL;
            case TLS, HTTPS -> Protocol.TLS;
            default -> Protocol.TCP;
        }).orElse(Protocol.TCP);
    }

    /** How endpoints become addresses; DYNAMIC_DNS (a forward proxy in Envoy) has no equivalent here. */
    Outcome<Resolution> resolution() {
        return switch (entry.resolution()) {
            case NONE -> Outcome.ok(Resolution.NONE);
            case STATIC -> Outcome.ok(Resolution.STATIC);
            case DNS -> Outcome.ok(Resolution.DNS);
            case DNS_ROUND_ROBIN -> Outcome.ok(Resolution.DNS_ROUND_ROBIN);
            case DYNAMIC_DNS -> Outcome.failed(Problem.at(entry, "spec.resolution",
                    "resolution DYNAMIC_DNS is not supported by Tollgate; " + host + " cannot be routed"));
        };
    }

    /**
     * The endpoints to dial, each on the port mapped for this port's name (else the port's {@code targetPort}, else
     * its number), keeping those whose labels carry every label of the subset. Empty means "dial the host itself"
     * (DNS with no endpoints listed) or "the original destination" (NONE).
     */
    Outcome<List<Endpoint>> endpoints(Map<String, String> subsetLabels, String subset, RouteNotes notes) {
        if (entry.resolution() == ServiceEntry.Resolution.NONE) {
            return Outcome.ok(List.of());
        }
        if (entry.endpoints().isEmpty()) {
            if (entry.resolution() == ServiceEntry.Resolution.STATIC) {
                return Outcome.failed(Problem.at(entry, "spec.endpoints", "resolution STATIC with no endpoints"
                        + (entry.workloadSelector().isPresent() ? " (workloadSelector endpoints are not supported)" : "")
                        + ": " + host + ":" + port.number() + " has no address"));
            }
            if (!subsetLabels.isEmpty()) {
                return Outcome.failed(noneSelected(subset, subsetLabels));
            }
            return Outcome.ok(List.of());
        }
        List<Endpoint> out = new ArrayList<>();
        for (int i = 0; i < entry.endpoints().size(); i++) {
            WorkloadEntry endpoint = entry.endpoints().get(i);
            if (!endpoint.labels().entrySet().containsAll(subsetLabels.entrySet())) {
                continue;
            }
            int number = endpoint.ports().getOrDefault(port.name(), port.targetPort().orElse(port.number()));
            try {
                out.add(new Endpoint(Host.parse(endpoint.address()), PortNumber.of(number)));
            } catch (IllegalArgumentException unusable) {
                notes.warning(entry, endpoint.location(), "spec.endpoints[" + i + "].address",
                        "endpoint '" + endpoint.address() + "' is not used: " + unusable.getMessage());
            }
        }
        if (out.isEmpty()) {
            return Outcome.failed(subsetLabels.isEmpty()
                    ? Problem.at(entry, "spec.endpoints", host + ":" + port.number() + " has no usable endpoint")
                    : noneSelected(subset, subsetLabels));
        }
        return Outcome.ok(out);
    }

    private Problem noneSelected(String subset, Map<String, String> labels) {
        return Problem.at(entry, "spec.endpoints", "subset " + subset + " (labels " + new java.util.TreeMap<>(labels)
                + ") selects none of the endpoints of " + host);
    }
}
