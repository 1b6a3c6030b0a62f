package io.tollgate.cli.local;

import io.tollgate.dataplane.pod.Pod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The pod's {@code nsswitch.conf}: the machine's own, with host names looked up in {@code files} only. The pod's
 * resolv.conf names no server, so a DNS lookup fails as "try again" (EAI_AGAIN), and the MariaDB client retries
 * that for half a minute; with DNS out of the hosts line, a name the hosts file lacks is "not found" at once
 * (ERROR 2005), as a name no ServiceEntry registers should be. {@code ip netns exec} bind-mounts it over
 * /etc/nsswitch.conf, like the hosts file beside it.
 */
final class PodNameService {
    private static final Path SYSTEM = Path.of("/etc/nsswitch.conf");

    private PodNameService() {
    }

    static void write(Pod pod) throws IOException {
        String system = Files.isRegularFile(SYSTEM) ? Files.readString(SYSTEM, StandardCharsets.UTF_8) : "";
        String text = "# Written by tollgate for pod " + pod.name() + ": host names from /etc/hosts only.\n"
                + system.lines().filter(line -> !line.strip().startsWith("hosts:")).collect(Collectors.joining("\n"))
                + "\nhosts: files\n";
        Files.writeString(pod.hostsFile().resolveSibling("nsswitch.conf"), text, StandardCharsets.UTF_8);
    }
}
