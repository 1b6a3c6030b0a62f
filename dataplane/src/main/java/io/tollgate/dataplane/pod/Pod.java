package io.tollgate.dataplane.pod;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pod: a network namespace ({@code tg-N}) with loopback, a sink interface with a default route, capture rules
 * that send all its outbound TCP to its sidecar's capture port, and a hosts file. Made by {@link Pods#create}.
 *
 * <p>The sidecar, in the root namespace, opens its capture listener at {@link #captureAddress()} inside
 * {@link #namespaceFile()} and binds its upstream sockets to {@link #sourceAddress()}. {@link #close()} removes
 * everything the pod had; it may be called from a shutdown hook and more than once.
 */
public final class Pod implements AutoCloseable {
    private final String name;
    private final PodSourceAddress slot;
    private final PodSpec spec;
    private final CommandRunner commands;
    private final AtomicBoolean closed = new AtomicBoolean();

    Pod(String name, PodSourceAddress slot, PodSpec spec, CommandRunner commands) {
        this.name = name;
        this.slot = slot;
        this.spec = spec;
        this.commands = commands;
    }

    /** The namespace's name, e.g. {@code tg-3}, as {@code ip netns list} shows it. */
    public String name() {
        return name;
    }

    /** The namespace handle to enter it, {@code /run/netns/NAME}. */
    public Path namespaceFile() {
        return Pods.NETNS_DIR.resolve(name);
    }

    /** Where the sidecar must listen inside the pod: captured connections arrive there. */
    public InetSocketAddress captureAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), spec.capturePort());
    }

    /** The root-namespace loopback address this pod's sidecar binds its upstream sockets to. */
    public InetAddress sourceAddress() {
        return slot.address();
    }

    public PodSourceAddress slot() {
        return slot;
    }

    public PodSpec spec() {
        return spec;
    }

    /** The file that {@code ip netns exec} shows the pod's processes as {@code /etc/hosts}. */
    public Path hostsFile() {
        return Pods.ETC_NETNS.resolve(name).resolve("hosts");
    }

    /**
     * Rewrites the hosts file in place. In place matters: {@code ip netns exec} bind-mounts the file, so running
     * processes see the new content only if the file (its inode) stays the same.
     */
    public void updateHosts(Map<HostName, InetAddress> hosts) throws IOException {
        Files.writeString(hostsFile(), new HostsFile(hosts).render(name), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** A process builder that runs {@code command} inside the pod ({@code ip netns exec NAME command...}). */
    public ProcessBuilder processBuilder(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command to run in pod " + name);
        }
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return new ProcessBuilder(full);
    }

    /**
     * Runs {@code command} in the pod with this process's stdin, stdout and stderr (an interactive client works)
     * and returns its exit status. If the caller is interrupted, the command is killed.
     */
    public int exec(List<String> command) throws IOException {
        Process process = processBuilder(command).inheritIO().start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + CommandRunner.commandLine(command) + " ran in pod " + name);
        }
    }

    /** Removes the pod: its processes, namespace, firewall and files. Idempotent; safe from a shutdown hook. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            PodTeardown.remove(name, Pods.namespaces(commands), commands);
        }
    }

    @Override
    public String toString() {
        return "pod " + name + " (source " + sourceAddress().getHostAddress() + ", capture port " + spec.capturePort() + ")";
    }
}
