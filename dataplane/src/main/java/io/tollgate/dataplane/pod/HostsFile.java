package io.tollgate.dataplane.pod;

import java.net.InetAddress;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code /etc/hosts} a pod sees (and the resolv.conf and nsswitch.conf beside it): {@code ip netns exec} bind-mounts {@code /etc/netns/POD/hosts} over
 * {@code /etc/hosts} for the command it runs (ip-netns(8)), so the workload resolves the service hosts to
 * the addresses the sidecar knows, and nothing else but localhost.
 *
 * @param entries host name to address, e.g. the placeholder RDS host to its 127.255.x.y service address
 */
public record HostsFile(Map<HostName, InetAddress> entries) {
    public HostsFile {
        entries = Map.copyOf(entries);
    }

    /** The file's text, hosts sorted by name so the file is the same for the same entries. */
    public String render(String podName) {
        StringBuilder text = new StringBuilder()
                .append("# Written by tollgate for pod ").append(podName)
                .append(": service hosts map to addresses its sidecar captures; nothing else resolves.\n")
                .append("127.0.0.1\tlocalhost\n")
                .append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        new TreeMap<>(entries).forEach((host, address) -> text.append(address.getHostAddress()).append('\t').append(host.value()).append('\n'));
        return text.toString();
    }

    /**
     * The pod's {@code resolv.conf}: no {@code nameserver} lines, so no lookup in the pod ever reaches real DNS.
     * (The C library then tries 127.0.0.1:53 inside the pod, where nothing listens, and fails at once.)
     */
    public static String resolvConf(String podName) {
        return "# Written by tollgate for pod " + podName + ": no name servers; names come from /etc/hosts only.\n";
    }

    /**
     * The pod's {@code nsswitch.conf}: the machine's own ({@code system}), with host names looked up in
     * {@code files} only. With resolv.conf naming no server a DNS lookup fails as "try again" (EAI_AGAIN), and the
     * MariaDB client retries that for half a minute; with DNS out of the hosts line, a name the hosts file lacks is
     * "not found" at once (ERROR 2005), as a name no ServiceEntry registers should be. Every other database
     * (passwd, group, ...) stays as the machine has it, so users and groups still resolve in the pod.
     */
    public static String nsswitchConf(String podName, String system) {
        StringBuilder text = new StringBuilder("# Written by tollgate for pod ").append(podName)
                .append(": host names from /etc/hosts only.\n");
        system.lines().filter(line -> !line.strip().startsWith("hosts:")).forEach(line -> text.append(line).append('\n'));
        return text.append("hosts: files\n").toString();
    }
}
