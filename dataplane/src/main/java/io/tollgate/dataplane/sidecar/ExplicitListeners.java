package io.tollgate.dataplane.sidecar;

import io.tollgate.policy.route.Hostname;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sidecar's explicit listeners: one per registered {@code host:port}, on the host's service address (auto-
 * allocated from 127.255.0.0/16, as Istio auto-allocates ServiceEntry addresses) or on a pinned address, always on
 * the service's own port. A client reaches them by name through a hosts file.
 *
 * @param pinned    host to the loopback address its listeners use instead ({@code --bind HOST=IP}); a pin for a
 *                  host no route registers waits until one does
 * @param hostsFile where to keep the listeners in /etc/hosts format ({@code --hosts-file}); rewritten at start
 *                  and after every update
 */
public record ExplicitListeners(Map<Hostname, InetAddress> pinned, Optional<Path> hostsFile) {
    public ExplicitListeners {
        pinned = Map.copyOf(pinned);
        Objects.requireNonNull(hostsFile, "hostsFile");
        Map<InetAddress, Hostname> seen = new HashMap<>();
        pinned.forEach((host, address) -> {
            String where = "bind " + host + "=" + address.getHostAddress() + ": ";
            if (!(address instanceof Inet4Address) || !address.isLoopbackAddress()) {
                throw new IllegalArgumentException(where + "the address must be an IPv4 loopback address (127.0.0.0/8): "
                        + "the sidecar only listens on loopback");
            }
            if (OutboundTable.isAutoAllocated(address)) {
                throw new IllegalArgumentException(where + "127.255.0.0/16 is where service addresses are allocated; "
                        + "pin outside it, e.g. 127.0.0.2");
            }
            Hostname other = seen.put(address, host);
            if (other != null) {
                throw new IllegalArgumentException(where + "the address is already pinned for " + other
                        + "; each host needs its own address");
            }
        });
    }

    /** Every registered host on its auto-allocated service address; no hosts file. */
    public static ExplicitListeners auto() {
        return new ExplicitListeners(Map.of(), Optional.empty());
    }
}
