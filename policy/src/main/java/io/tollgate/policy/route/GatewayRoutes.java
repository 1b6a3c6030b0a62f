package io.tollgate.policy.route;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole routing table of one egress gateway: listener port, then SNI, to a registered destination. Anything
 * not in here is refused: a gateway is never an open proxy.
 *
 * @param version an opaque label of the configuration this table was compiled from, for logs
 */
public record GatewayRoutes(String version, Map<PortNumber, GatewayListener> listeners) {
    public GatewayRoutes {
        if (version == null) {
            throw new IllegalArgumentException("version must not be null");
        }
        listeners = Map.copyOf(listeners);
        listeners.forEach((port, listener) -> {
            if (!port.equals(listener.port())) {
                throw new IllegalArgumentException("listener for port " + listener.port() + " is filed under " + port);
            }
        });
    }

    public static GatewayRoutes empty() {
        return new GatewayRoutes("empty", Map.of());
    }

    public static GatewayRoutes of(String version, Collection<GatewayListener> listeners) {
        Map<PortNumber, GatewayListener> byPort = listeners.stream()
                .collect(Collectors.toMap(GatewayListener::port, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two listeners for port " + a.port());
                }));
        return new GatewayRoutes(version, byPort);
    }

    /** The route for a connection accepted on {@code port} with this SNI, if any. */
    public Optional<GatewayRoute> route(PortNumber port, Optional<Hostname> sni) {
        GatewayListener listener = listeners.get(port);
        return listener == null ? Optional.empty() : listener.route(sni);
    }

    /** Ports to listen on, ascending. */
    public Set<PortNumber> ports() {
        return new TreeMap<>(listeners).keySet();
    }

    public List<GatewayListener> listenersInPortOrder() {
        return List.copyOf(new TreeMap<>(listeners).values());
    }
}
