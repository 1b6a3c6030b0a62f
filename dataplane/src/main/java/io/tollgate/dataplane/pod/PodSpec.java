package io.tollgate.dataplane.pod;

import io.tollgate.dataplane.capture.SocketMark;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;

/**
 * What a new pod needs: where its sidecar will capture, the sidecar's socket mark, and the host names its
 * hosts file maps.
 *
 * @param capturePort the sidecar's capture port inside the pod; every pod has its own loopback, so all pods
 *                    can use the same port ({@link #DEFAULT_CAPTURE_PORT}, Istio's outbound capture port)
 * @param sidecarMark the mark capture skips
 * @param hosts       service host to the address the sidecar maps back to it
 */
public record PodSpec(int capturePort, SocketMark sidecarMark, Map<HostName, InetAddress> hosts) {
    public static final int DEFAULT_CAPTURE_PORT = 15001;

    public PodSpec {
        Objects.requireNonNull(sidecarMark, "sidecarMark");
        hosts = Map.copyOf(hosts);
        if (capturePort < 1 || capturePort > 65535) {
            throw new IllegalArgumentException("capture port " + capturePort + " is not 1..65535");
        }
    }

    /** A pod with Istio's capture port and Tollgate's sidecar mark. */
    public static PodSpec withHosts(Map<HostName, InetAddress> hosts) {
        return new PodSpec(DEFAULT_CAPTURE_PORT, SocketMark.SIDECAR, hosts);
    }
}
