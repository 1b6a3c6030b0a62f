package io.tollgate.dataplane.pod;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for {@code tollgate run}, started as its own JVM by {@link CleanupOnExitTest}: creates a pod, guards
 * it with {@link CleanupOnExit}, runs a long command in it and waits, until it is interrupted from outside.
 * Prints {@code ready POD PID} once the command runs.
 */
public final class PodHolder {
    private PodHolder() {
    }

    public static void main(String[] args) throws Exception {
        Pod pod = new Pods(args[0], new CommandRunner(Duration.ofSeconds(30))).create(PodSpec.withHosts(Map.of()));
        try (CleanupOnExit cleanup = CleanupOnExit.install("pod " + pod.name(), pod::close)) {
            Process command = pod.processBuilder(List.of("sleep", "300")).start();
            System.out.println("ready " + pod.name() + " " + command.pid());
            System.out.flush();
            command.waitFor();
        }
    }
}
