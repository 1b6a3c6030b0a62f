package io.tollgate.dataplane.pod;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Addresses for service hosts in 127.255.0.0/16, as Istio's DNS proxy auto-allocates addresses for
 * ServiceEntry hosts: a pod's hosts file maps each host to its address, and the sidecar maps a captured
 * connection's original destination back to the host.
 *
 * <p>Immutable. An address is stable: {@link #assign} keeps every address already given, and a new host's
 * address depends only on its name and on which addresses are already taken (a CRC-32 of the name picks the
 * first candidate; collisions move to the next free one). So the same hosts, assigned in any order but with
 * no collisions, get the same addresses in every process.
 */
public final class ServiceAddresses {
    private static final int FIRST = 1;
    private static final int LAST = 65534;
    private static final int SIZE = LAST - FIRST + 1;
    private static final int SECOND_OCTET = 255;

    private final Map<HostName, InetAddress> byHost;
    private final Map<InetAddress, HostName> byAddress;

    private ServiceAddresses(Map<HostName, InetAddress> byHost) {
        this.byHost = Collections.unmodifiableMap(new TreeMap<>(byHost));
        Map<InetAddress, HostName> reverse = new HashMap<>();
        byHost.forEach((host, address) -> reverse.put(address, host));
        this.byAddress = Collections.unmodifiableMap(reverse);
    }

    public static ServiceAddresses none() {
        return new ServiceAddresses(Map.of());
    }

    /** A table with every host already here plus {@code hosts}; new hosts are placed in name order. */
    public ServiceAddresses assign(Collection<HostName> hosts) {
        Map<HostName, InetAddress> next = new HashMap<>(byHost);
        Map<InetAddress, HostName> taken = new HashMap<>(byAddress);
        hosts.stream().distinct().sorted().forEach(host -> {
            if (!next.containsKey(host)) {
                InetAddress address = freeAddressFor(host, taken);
                next.put(host, address);
                taken.put(address, host);
            }
        });
        return new ServiceAddresses(next);
    }

    public Optional<InetAddress> addressOf(HostName host) {
        return Optional.ofNullable(byHost.get(host));
    }

    public Optional<HostName> hostOf(InetAddress address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** Every host and its address, sorted by host name. */
    public Map<HostName, InetAddress> asMap() {
        return byHost;
    }

    private static InetAddress freeAddressFor(HostName host, Map<InetAddress, HostName> taken) {
        CRC32 crc = new CRC32();
        crc.update(host.value().getBytes(StandardCharsets.US_ASCII));
        int start = (int) (crc.getValue() % SIZE);
        for (int i = 0; i < SIZE; i++) {
            InetAddress candidate = addressAt(FIRST + (start + i) % SIZE);
            if (!taken.containsKey(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("all " + SIZE + " service addresses in 127." + SECOND_OCTET
                + ".0.0/16 are taken; cannot place " + host);
    }

    private static InetAddress addressAt(int index) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) SECOND_OCTET, (byte) (index >>> 8), (byte) index});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
