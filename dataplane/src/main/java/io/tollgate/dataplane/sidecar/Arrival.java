package io.tollgate.dataplane.sidecar;

import io.tollgate.policy.route.HostPort;

/** How a connection reached the sidecar, which says how to learn its destination. */
sealed interface Arrival {

    /** On the explicit listener of one registered {@code host:port}: that is the destination. */
    record Listener(HostPort destination) implements Arrival {
    }

    /** Redirected by a pod's capture rules: the destination is the socket's original destination. */
    record Captured() implements Arrival {
    }
}
