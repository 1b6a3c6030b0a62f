package io.tollgate.dataplane.pod;

import java.net.InetAddress;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code /etc/hosts} a pod sees: {@code ip netns exec} bind-mounts {@code /etc/netns/POD/hosts} over
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
}
