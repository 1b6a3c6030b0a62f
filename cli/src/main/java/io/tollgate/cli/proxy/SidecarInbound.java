package io.tollgate.cli.proxy;

import io.tollgate.dataplane.capture.NamespacedListener;
import io.tollgate.dataplane.sidecar.ExplicitListeners;
import io.tollgate.dataplane.sidecar.SidecarSettings;

import java.net.InetAddress;
import java.util.Objects;

/** How a sidecar's workload reaches it: explicit listeners on loopback, or transparent capture inside a pod. */
public sealed interface SidecarInbound {

    /** The data plane's settings for this way in, with the agent's limits. */
    SidecarSettings settings(ProxyLimits limits);

    /** {@code tollgate sidecar}: one listener per registered {@code host:port} on this host's loopback. */
    record Explicit(ExplicitListeners listeners) implements SidecarInbound {
        public Explicit {
            Objects.requireNonNull(listeners, "listeners");
        }

        @Override
        public SidecarSettings settings(ProxyLimits limits) {
            return SidecarSettings.explicit(listeners, limits.connectTimeout(), limits.idleTimeout(), limits.threads())
                    .withTunnels(limits.tunnels());
        }
    }

    /**
     * {@code tollgate run}: the pod's outbound traffic redirected to {@code capture} inside its namespace, dialled
     * upstream from {@code podSource} with the sidecar's mark.
     */
    record InPod(NamespacedListener capture, InetAddress podSource) implements SidecarInbound {
        public InPod {
            Objects.requireNonNull(capture, "capture");
            Objects.requireNonNull(podSource, "podSource");
        }

        @Override
        public SidecarSettings settings(ProxyLimits limits) {
            return SidecarSettings.inPod(capture, podSource, limits.connectTimeout(), limits.idleTimeout(), limits.threads())
                    .withTunnels(limits.tunnels());
        }
    }
}
