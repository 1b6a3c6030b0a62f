package io.tollgate.cli.local;

import io.tollgate.cli.proxy.SidecarAgent;
import io.tollgate.dataplane.pod.Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Keeps a pod's hosts file equal to its sidecar's service addresses: written at start, then again each time the
 * sidecar applies a configuration (a ServiceEntry added or removed changes which names resolve in the pod).
 */
final class HostsFollower {
    private static final Logger LOG = LoggerFactory.getLogger(HostsFollower.class);

    private HostsFollower() {
    }

    /** Listens first, then writes, so a configuration applied in between is not missed. */
    static void start(Pod pod, SidecarAgent sidecar) throws IOException {
        // On the sidecar's configuration thread: a failed write keeps the old file and is logged, the routes apply anyway.
        sidecar.onApplied(version -> {
            try {
                pod.updateHosts(sidecar.hosts());
                LOG.info("{}: hosts file follows configuration {}", pod.name(), version);
            } catch (IOException e) {
                LOG.warn("{}: cannot rewrite the hosts file for configuration {}: {}", pod.name(), version, e.getMessage());
            }
        });
        pod.updateHosts(sidecar.hosts());
    }
}
