package io.tollgate.dataplane.pod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Gives a fresh pod namespace its network: loopback, one interface with an address and a default route, and the
 * capture rules. Nothing is added to the root namespace.
 *
 * <p>The interface is a veth pair with both ends inside the pod ({@code eth0} and its peer {@code tgsink0}): it
 * exists only so that a connection to any address has a route and so reaches the nat OUTPUT chain, where it is
 * captured; anything uncaptured that is sent through it is refused or dropped by the pod's filter table, and
 * would in any case end at the peer, which leads nowhere. A dummy interface would do the same, but the dummy driver is often
 * missing from minimal VM kernels (it is missing on the machine this was built on) while veth is nearly
 * everywhere. The address is from 198.18.0.0/15 (RFC 2544, benchmarking), so it never equals a destination a
 * workload means to reach.
 */
final class PodNetwork {
    static final String INTERFACE = "eth0";
    static final String SINK = "tgsink0";
    static final String ADDRESS = "198.18.0.1";

    private PodNetwork() {
    }

    static void configure(String pod, CaptureRules rules, CommandRunner commands) throws IOException {
        commands.run(List.of("ip", "-n", pod, "link", "set", "lo", "up"));
        commands.run(List.of("ip", "-n", pod, "link", "add", INTERFACE, "type", "veth", "peer", "name", SINK));
        commands.run(List.of("ip", "-n", pod, "link", "set", SINK, "up"));
        commands.run(List.of("ip", "-n", pod, "addr", "add", ADDRESS + "/32", "dev", INTERFACE));
        commands.run(List.of("ip", "-n", pod, "link", "set", INTERFACE, "up"));
        commands.run(List.of("ip", "-n", pod, "route", "add", "default", "dev", INTERFACE));
        commands.run(List.of("ip", "netns", "exec", pod, "iptables-restore"), rules.ipv4());
        // A kernel without IPv6 has nothing to capture there; with IPv6 the pod has only ::1 and no route, and
        // the same rules keep its loopback traffic captured and everything else dropped.
        if (Files.exists(Path.of("/proc/net/if_inet6"))) {
            commands.run(List.of("ip", "netns", "exec", pod, "ip6tables-restore"), rules.ipv6());
        }
    }
}
