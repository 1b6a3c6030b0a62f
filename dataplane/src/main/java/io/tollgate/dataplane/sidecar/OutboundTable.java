package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.pod.HostName;
import io.tollgate.dataplane.pod.ServiceAddresses;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.IpLiteral;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.SidecarRoutes;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sidecar's compiled view of one configuration: its routes, and the loopback address that stands for each
 * registered host name in both directions. Explicit listeners bind {@code address:port}; hosts files map the
 * name to the address; a captured connection's original destination maps back to {@code host:port}.
 *
 * <p>An address is the host's pin when it has one, else its service address from {@link ServiceAddresses}, the
 * same table pods' hosts files are written from. Service addresses are never taken back: a host that leaves the
 * routes keeps its address, so a late connection to it still reads as that (now unregistered) host and is
 * refused as such, never as a stray loopback address. Immutable; a new configuration makes a new table.
 */
final class OutboundTable {
    private static final int AUTO_SECOND_OCTET = 255; // ServiceAddresses allocates in 127.255.0.0/16

    private final SidecarRoutes routes;
    private final ServiceAddresses services;
    private final Map<Hostname, InetAddress> pinned;
    private final Map<Hostname, InetAddress> registered;
    private final List<Hostname> unaddressable;

    private OutboundTable(SidecarRoutes routes, ServiceAddresses services, Map<Hostname, InetAddress> pinned,
                          Map<Hostname, InetAddress> registered, List<Hostname> unaddressable) {
        this.routes = routes;
        this.services = services;
        this.pinned = pinned;
        this.registered = registered;
        this.unaddressable = unaddressable;
    }

    /** Places every registered host name: pinned ones at their pin, the rest at service addresses kept from {@code previous}. */
    static OutboundTable of(SidecarRoutes routes, Map<Hostname, InetAddress> pinned, ServiceAddresses previous) {
        List<HostName> toPlace = new ArrayList<>();
        List<Hostname> unaddressable = new ArrayList<>();
        for (Hostname host : registeredNames(routes)) {
            if (pinned.containsKey(host)) {
                continue;
            }
            try {
                toPlace.add(HostName.of(host.value()));
            } catch (IllegalArgumentException notForHostsFiles) {
                // e.g. a '_service' label: valid DNS, but no hosts file can carry it, so no address stands for it.
                unaddressable.add(host);
            }
        }
        ServiceAddresses services = previous.assign(toPlace);
        Map<Hostname, InetAddress> registered = new HashMap<>();
        for (Hostname host : registeredNames(routes)) {
            InetAddress address = pinned.get(host);
            if (address == null && !unaddressable.contains(host)) {
                address = services.addressOf(HostName.of(host.value())).orElseThrow();
            }
            if (address != null) {
                registered.put(host, address);
            }
        }
        return new OutboundTable(routes, services, Map.copyOf(pinned), Map.copyOf(registered), List.copyOf(unaddressable));
    }

    SidecarRoutes routes() {
        return routes;
    }

    ServiceAddresses services() {
        return services;
    }

    /** One explicit listener per registered {@code host:port} that has an address, in name order. */
    List<OutboundListener> listeners() {
        return routes.routes().keySet().stream()
                .filter(destination -> destination.host() instanceof Hostname name && registered.containsKey(name))
                .map(destination -> new OutboundListener(destination,
                        new InetSocketAddress(registered.get((Hostname) destination.host()), destination.port().value())))
                .sorted(Comparator.comparing(listener -> listener.destination().toString()))
                .toList();
    }

    /**
     * Where a captured connection was going, in the routes' terms: the host whose address it dialled (pinned or
     * service address, current or past), else the address itself.
     */
    HostPort destinationOf(InetSocketAddress original) {
        InetAddress address = original.getAddress();
        for (Map.Entry<Hostname, InetAddress> pin : pinned.entrySet()) {
            if (pin.getValue().equals(address)) {
                return new HostPort(pin.getKey(), PortNumber.of(original.getPort()));
            }
        }
        return services.hostOf(address)
                .<HostPort>map(host -> HostPort.of(host.value(), original.getPort()))
                .orElseGet(() -> new HostPort(new IpLiteral(address), PortNumber.of(original.getPort())));
    }

    /** The hosts-file view: each registered host name and its address, sorted by name. */
    Map<HostName, InetAddress> hosts() {
        Map<HostName, InetAddress> hosts = new TreeMap<>();
        registered.forEach((host, address) -> {
            try {
                hosts.put(HostName.of(host.value()), address);
            } catch (IllegalArgumentException notForHostsFiles) {
                // A pinned name a hosts file cannot carry: it is still listened for, just not written down.
            }
        });
        return hosts;
    }

    /** Registered host names that have no address, because a hosts file could not carry them. */
    List<Hostname> unaddressable() {
        return unaddressable;
    }

    /** Whether {@code address} lies in the range service addresses are allocated from. */
    static boolean isAutoAllocated(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address && bytes[0] == 127 && Byte.toUnsignedInt(bytes[1]) == AUTO_SECOND_OCTET;
    }

    private static List<Hostname> registeredNames(SidecarRoutes routes) {
        return routes.routes().keySet().stream()
                .map(HostPort::host)
                .filter(Hostname.class::isInstance)
                .map(Hostname.class::cast)
                .distinct()
                .sorted(Comparator.comparing(Hostname::value))
                .toList();
    }
}
