package io.tollgate.policy.route;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The routing table of one sidecar: each registered {@code host:port} its namespace can see, and what to do with
 * everything else.
 *
 * <p>A registered destination whose routing cannot be honoured (its VirtualService names an unknown host, its
 * DestinationRule asks for TLS the sidecar cannot originate, ...) is in {@code refused}, with the reason: the
 * sidecar closes such connections whatever the outbound policy says, because passing them through under
 * {@code ALLOW_ANY} would ignore the route the user wrote (fail closed).
 *
 * @param version an opaque label of the configuration this table was compiled from, for logs
 * @param refused registered destinations that must be closed, each with the reason to log
 */
public record SidecarRoutes(String version, Map<HostPort, SidecarRoute> routes, OutboundPolicy outboundPolicy,
                            Map<HostPort, String> refused) {
    /** Orders destinations by host text, then port: the order listeners are announced and tables printed in. */
    public static final Comparator<HostPort> DESTINATION_ORDER =
            Comparator.comparing((HostPort d) -> d.host().text()).thenComparing(HostPort::port);

    public SidecarRoutes {
        if (version == null || outboundPolicy == null) {
            throw new IllegalArgumentException("version and outbound policy are required");
        }
        routes = Map.copyOf(routes);
        refused = Map.copyOf(refused);
        for (Map.Entry<HostPort, SidecarRoute> entry : routes.entrySet()) {
            if (!entry.getKey().equals(entry.getValue().destination())) {
                throw new IllegalArgumentException("route for " + entry.getValue().destination() + " is filed under "
                        + entry.getKey());
            }
            if (refused.containsKey(entry.getKey())) {
                throw new IllegalArgumentException(entry.getKey() + " is both routed and refused");
            }
        }
    }

    /** A table without refusals. */
    public SidecarRoutes(String version, Map<HostPort, SidecarRoute> routes, OutboundPolicy outboundPolicy) {
        this(version, routes, outboundPolicy, Map.of());
    }

    public static SidecarRoutes empty(OutboundPolicy outboundPolicy) {
        return new SidecarRoutes("empty", Map.of(), outboundPolicy);
    }

    public Optional<SidecarRoute> route(HostPort destination) {
        return Optional.ofNullable(routes.get(destination));
    }

    /** Why connections to this registered destination are closed, if they are. */
    public Optional<String> refusal(HostPort destination) {
        return Optional.ofNullable(refused.get(destination));
    }

    /** Every registered destination, routed or refused, in {@link #DESTINATION_ORDER}: what a sidecar listens for. */
    public List<HostPort> registered() {
        return Stream.concat(routes.keySet().stream(), refused.keySet().stream()).sorted(DESTINATION_ORDER).toList();
    }
}
