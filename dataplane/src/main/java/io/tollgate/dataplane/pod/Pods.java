package io.tollgate.dataplane.pod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates pods and clears away what crashed runs left. Every pod's namespace name starts with a prefix
 * ({@link #PREFIX}, {@code tg-}) that marks it as ours; the number after it is the pod's slot, which also
 * fixes its source address ({@link PodSourceAddress}). Claiming a slot is creating the namespace:
 * {@code ip netns add} fails when the name exists, so two processes never get the same slot.
 */
public final class Pods {
    public static final String PREFIX = "tg-";
    /** Where iproute2 keeps namespace handles (/var/run/netns is a link to it on current systems). */
    static final Path NETNS_DIR = Path.of("/run/netns");
    /** Per-namespace files that {@code ip netns exec} bind-mounts over /etc (ip-netns(8)). */
    static final Path ETC_NETNS = Path.of("/etc/netns");
    /** The machine's name service switch, the pod's starts from it. */
    private static final Path SYSTEM_NSSWITCH = Path.of("/etc/nsswitch.conf");
    private static final Pattern PREFIX_SHAPE = Pattern.compile("tg-([a-z0-9]+-)?");

    private final String prefix;
    private final CommandRunner commands;

    /** Pods named {@code tg-N}, commands limited to 30 s each. */
    public Pods() {
        this(PREFIX, new CommandRunner(Duration.ofSeconds(30)));
    }

    /**
     * @param prefix {@code tg-} or {@code tg-WORD-} (tests use their own word, so they can clean up only their
     *               own pods while {@code new Pods().removeLeftovers()} still finds everything)
     */
    public Pods(String prefix, CommandRunner commands) {
        if (!PREFIX_SHAPE.matcher(prefix).matches()) {
            throw new IllegalArgumentException("pod prefix '" + prefix + "' must be 'tg-' or 'tg-WORD-' (lower-case letters and digits)");
        }
        this.prefix = prefix;
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /**
     * Creates a pod: claims the lowest free slot, sets up its network and capture rules, writes its hosts file,
     * resolv.conf and nsswitch.conf (host names from the hosts file only). On any failure everything done so far is
     * removed before the exception is thrown.
     */
    public Pod create(PodSpec spec) throws IOException {
        CaptureRules rules = new CaptureRules(spec.capturePort(), spec.sidecarMark());
        PodSourceAddress slot = claimSlot();
        Pod pod = new Pod(prefix + slot.slot(), slot, spec, commands);
        try {
            PodNetwork.configure(pod.name(), rules, commands);
            Files.createDirectories(pod.hostsFile().getParent());
            pod.updateHosts(spec.hosts());
            Files.writeString(pod.hostsFile().resolveSibling("resolv.conf"), HostsFile.resolvConf(pod.name()), StandardCharsets.UTF_8);
            String system = Files.isRegularFile(SYSTEM_NSSWITCH) ? Files.readString(SYSTEM_NSSWITCH, StandardCharsets.UTF_8) : "";
            Files.writeString(pod.hostsFile().resolveSibling("nsswitch.conf"), HostsFile.nsswitchConf(pod.name(), system),
                    StandardCharsets.UTF_8);
            return pod;
        } catch (IOException | RuntimeException e) {
            try {
                pod.close();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Names of this prefix's namespaces that exist now. */
    public List<String> names() throws IOException {
        return namespaces(commands).stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /**
     * Removes every namespace and /etc/netns directory whose name starts with this prefix, with the processes
     * still running in them: what earlier runs that crashed or were killed left behind. Returns what it removed.
     * Call it only when no pod of this prefix is in use, e.g. when {@code tollgate up} starts.
     */
    public List<String> removeLeftovers() throws IOException {
        List<String> existing = namespaces(commands);
        Set<String> ours = new HashSet<>();
        existing.stream().filter(n -> n.startsWith(prefix)).forEach(ours::add);
        if (Files.isDirectory(ETC_NETNS)) {
            try (Stream<Path> dirs = Files.list(ETC_NETNS)) {
                dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith(prefix)).forEach(ours::add);
            }
        }
        List<String> removed = new ArrayList<>();
        List<IOException> failures = new ArrayList<>();
        for (String pod : ours.stream().sorted().toList()) {
            try {
                PodTeardown.remove(pod, existing, commands);
                removed.add(pod);
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IOException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return removed;
    }

    /** Every network namespace name, as {@code ip netns list} prints them ({@code NAME} or {@code NAME (id: N)}). */
    static List<String> namespaces(CommandRunner commands) throws IOException {
        return commands.run(List.of("ip", "netns", "list")).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+", 2)[0])
                .toList();
    }

    private PodSourceAddress claimSlot() throws IOException {
        Set<Integer> taken = new HashSet<>();
        for (String name : names()) {
            String rest = name.substring(prefix.length());
            if (rest.matches("[0-9]{1,5}")) {
                taken.add(Integer.parseInt(rest));
            }
        }
        for (int slot = PodSourceAddress.FIRST_SLOT; slot <= PodSourceAddress.LAST_SLOT; slot++) {
            if (taken.contains(slot)) {
                continue;
            }
            List<String> add = List.of("ip", "netns", "add", prefix + slot);
            CommandRunner.Result result = commands.attempt(add, "");
            if (result.succeeded()) {
                return new PodSourceAddress(slot);
            }
            if (!result.output().contains("File exists")) {
                throw new CommandFailedException(add, result.exitStatus(), result.output());
            }
            // Another process claimed this slot between our listing and our add: try the next one.
        }
        throw new IOException("all pod slots " + prefix + PodSourceAddress.FIRST_SLOT + ".." + prefix
                + PodSourceAddress.LAST_SLOT + " are taken; run `tollgate up` again to remove leftovers");
    }
}
