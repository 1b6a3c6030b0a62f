package io.tollgate.cli.local;

import io.tollgate.cli.proxy.SidecarAgent;
import io.tollgate.dataplane.pod.Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a pod's hosts file equal to its sidecar's service addresses: written once at start, then again whenever
 * the sidecar applies a new configuration (a ServiceEntry added or removed changes which names resolve in the
 * pod). The agent has no change callback, so a virtual thread looks at its applied version a few times a second.
 */
final class HostsFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostsFollower.class);
    private static final Duration EVERY = Duration.ofMillis(250);
    private final Pod pod;
    private final SidecarAgent sidecar;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile String written;

    private HostsFollower(Pod pod, SidecarAgent sidecar, String written) {
        this.pod = pod;
        this.sidecar = sidecar;
        this.written = written;
    }

    static HostsFollower start(Pod pod, SidecarAgent sidecar) throws IOException {
        String version = sidecar.appliedVersion();
        pod.updateHosts(sidecar.hosts());
        HostsFollower follower = new HostsFollower(pod, sidecar, version);
        Thread.ofVirtual().name("hosts-" + pod.name()).start(follower::follow);
        return follower;
    }

    // On its own virtual thread until close.
    private void follow() {
        try {
            while (!stop.await(EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                String version = sidecar.appliedVersion();
                if (!version.equals(written)) {
                    try {
                        pod.updateHosts(sidecar.hosts());
                        written = version;
                        LOG.info("{}: hosts file follows configuration {}", pod.name(), version);
                    } catch (IOException e) {
                        LOG.warn("{}: cannot rewrite the hosts file for configuration {}: {}", pod.name(), version, e.getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.countDown();
    }

    @Override
    public String toString() {
        return "hosts file at configuration " + written;
    }
}
