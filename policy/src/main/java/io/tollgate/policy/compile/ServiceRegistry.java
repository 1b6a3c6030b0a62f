package io.tollgate.policy.compile;

import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.Protocol;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.scope.Exports;
import io.tollgate.policy.scope.ServiceHosts;
import io.tollgate.policy.scope.Visibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ServiceEntry hosts one namespace can see, looked up as routes name them: an exact host first (the first
 * ServiceEntry in load order that lists it), else the most specific wildcard host that covers it.
 */
final class ServiceRegistry {
    private final Visibility visibility;
    private final String namespace;
    private final List<ServiceEntry> visible;

    ServiceRegistry(Visibility visibility, String namespace) {
        this.visibility = visibility;
        this.namespace = namespace;
        this.visible = visibility.serviceEntries(namespace);
    }

    String namespace() {
        return namespace;
    }

    List<ServiceEntry> visible() {
        return visible;
    }

    /**
     * Every concrete {@code host:port} the namespace can see, as a sidecar registers them: the first ServiceEntry (in
     * load order) to register one owns it. Wildcard hosts and UDP ports cannot be, and are noted.
     */
    Map<HostPort, ServicePort> destinations(RouteNotes notes) {
        Map<HostPort, ServicePort> out = new LinkedHashMap<>();
        for (ServiceEntry entry : visible) {
            if (!entry.addresses().isEmpty()) {
                notes.note(entry, entry.meta().location(), "spec.addresses", "addresses " + entry.addresses()
                        + " are not route keys: sidecars route by host name");
            }
            for (int h = 0; h < entry.hosts().size(); h++) {
                String host = entry.hosts().get(h).toLowerCase(Locale.ROOT);
                String field = "spec.hosts[" + h + "]";
                if (host.startsWith("*")) {
                    notes.note(entry, entry.meta().location(), field, "wildcard host " + host + " is not a sidecar "
                            + "destination: sidecars route by exact host name (it can still be a route's destination)");
                    continue;
                }
                for (Port port : entry.ports()) {
                    register(entry, host, field, port, out, notes);
                }
            }
        }
        return out;
    }

    private static void register(ServiceEntry entry, String host, String field, Port port, Map<HostPort, ServicePort> out,
                                 RouteNotes notes) {
        ServicePort servicePort = new ServicePort(entry, host, port);
        if (port.protocol().filter(p -> p == Protocol.UDP).isPresent()) {
            notes.warning(entry, port.location(), servicePort.field(), "UDP port " + port.number() + " is not proxied");
            return;
        }
        HostPort key;
        try {
            key = HostPort.of(host, port.number());
        } catch (IllegalArgumentException e) {
            notes.warning(entry, entry.meta().location(), field, host + " cannot be a destination: " + e.getMessage());
            return;
        }
        ServicePort first = out.putIfAbsent(key, servicePort);
        if (first != null && first.entry() != entry) {
            notes.warning(entry, port.location(), servicePort.field(), key + " is also registered by ServiceEntry "
                    + first.entry().meta().qualifiedName() + " (" + first.entry().meta().location()
                    + "), which was loaded first and is used");
        }
    }

    /** A concrete host and the ServiceEntry that registers it. */
    record Registered(ServiceEntry entry, String host) {
    }

    Optional<Registered> find(String host) {
        for (ServiceEntry entry : visible) {
            if (entry.hosts().stream().anyMatch(h -> h.equalsIgnoreCase(host))) {
                return Optional.of(new Registered(entry, host));
            }
        }
        ServiceEntry best = null;
        int bestLength = -1;
        for (ServiceEntry entry : visible) {
            for (String pattern : entry.hosts()) {
                // First in load order wins among equally specific wildcards: only a longer one replaces it.
                if (pattern.startsWith("*") && pattern.length() > bestLength && ServiceHosts.covers(pattern.toLowerCase(), host)) {
                    best = entry;
                    bestLength = pattern.length();
                }
            }
        }
        return Optional.ofNullable(best).map(entry -> new Registered(entry, host));
    }

    /**
     * The port a route reaches: the one it names, else the entry's only port, else the port the connection came in
     * on (Istio's {@code GetDestinationCluster}).
     */
    Outcome<ServicePort> port(Registered registered, OptionalInt requested, PortNumber incoming, Problem.Place at) {
        ServiceEntry entry = registered.entry();
        int wanted = requested.orElse(entry.ports().size() == 1 ? entry.ports().getFirst().number() : incoming.value());
        for (Port port : entry.ports()) {
            if (port.number() == wanted) {
                return Outcome.ok(new ServicePort(entry, registered.host(), port));
            }
        }
        return Outcome.failed(at.problem("ServiceEntry " + entry.meta().qualifiedName()
                + " registers no port " + wanted + " for " + registered.host()));
    }

    /** Why no ServiceEntry visible here registers {@code host}: none does at all, or its exportTo leaves us out. */
    String unseen(String host) {
        for (ServiceEntry entry : visibility.resources().serviceEntries()) {
            if (entry.hosts().stream().anyMatch(h -> ServiceHosts.covers(h.toLowerCase(), host))) {
                return host + " is registered by ServiceEntry " + entry.meta().qualifiedName() + " ("
                        + entry.meta().location() + ") with " + Exports.describe(entry.exportTo())
                        + ", which does not reach namespace " + namespace;
            }
        }
        return "no ServiceEntry registers " + host;
    }
}
