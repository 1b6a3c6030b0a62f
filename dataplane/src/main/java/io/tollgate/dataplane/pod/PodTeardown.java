package io.tollgate.dataplane.pod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Removes one pod completely: the processes still running in its namespace, the namespace (its interfaces and
 * firewall go with it), and its {@code /etc/netns} directory. Every step is tried even when an earlier one
 * fails; the first failure is thrown with the others attached.
 *
 * <p>A namespace lives on while any socket created in it is open: the sidecar must close its capture listener
 * for the kernel to free the namespace. Its name disappears here regardless, so nothing new can enter it.
 */
final class PodTeardown {
    /** How long a process in the pod gets to exit after SIGTERM before it is killed, and after SIGKILL. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private PodTeardown() {
    }

    static void remove(String pod, List<String> existingNamespaces, CommandRunner commands) throws IOException {
        List<IOException> failures = new ArrayList<>();
        if (existingNamespaces.contains(pod)) {
            try {
                stopProcesses(pod, commands);
            } catch (IOException e) {
                failures.add(e);
            }
            try {
                commands.run(List.of("ip", "netns", "delete", pod));
            } catch (IOException e) {
                failures.add(e);
            }
        }
        try {
            deleteTree(Pods.ETC_NETNS.resolve(pod));
        } catch (IOException e) {
            failures.add(new IOException("removing " + Pods.ETC_NETNS.resolve(pod) + ": " + e.getMessage(), e));
        }
        if (!failures.isEmpty()) {
            IOException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    // The pod's processes were started by us (the pod's command and anything it forked), so ending them is ours.
    private static void stopProcesses(String pod, CommandRunner commands) throws IOException {
        List<ProcessHandle> running = processesIn(pod, commands);
        running.forEach(ProcessHandle::destroy);
        List<ProcessHandle> stubborn = stillAliveAfterGrace(running);
        stubborn.forEach(ProcessHandle::destroyForcibly);
        stillAliveAfterGrace(stubborn);
        List<ProcessHandle> left = processesIn(pod, commands);
        if (!left.isEmpty()) {
            throw new IOException("pod " + pod + ": processes " + left.stream().map(p -> String.valueOf(p.pid())).toList()
                    + " are still running in it after SIGKILL");
        }
    }

    /** Waits up to {@link #GRACE} for all of them together; returns those still running. */
    private static List<ProcessHandle> stillAliveAfterGrace(List<ProcessHandle> processes) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Some are still running; the filter below says which.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static List<ProcessHandle> processesIn(String pod, CommandRunner commands) throws IOException {
        return commands.run(List.of("ip", "netns", "pids", pod)).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(Long::parseLong)
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                // Never ourselves: a thread of ours may sit in the pod for a moment (NamespaceThread), though
                // ip reports a process by its main thread's namespace.
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .toList();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
