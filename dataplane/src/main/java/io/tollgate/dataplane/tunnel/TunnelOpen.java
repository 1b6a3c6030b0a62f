package io.tollgate.dataplane.tunnel;

import io.netty.channel.Channel;

import java.util.Optional;

/** How asking the pool for a stream ended. */
public sealed interface TunnelOpen {
    /** A stream whose CONNECT went out; its answer goes to the {@link StreamEnd} it was opened with. */
    record Opened(TunnelStream stream) implements TunnelOpen {
    }

    /** No tunnel could be had (connect, handshake or identity failed); the reason is for the access log. */
    record Failed(String why) implements TunnelOpen {
    }

    /**
     * The server does not speak tunnels: use a connection of its own. The connection that found out, its server
     * already judged acceptable, is handed to one of the waiting workload connections ({@code connection}, which
     * it then owns: AUTO_READ off, TLS done, nothing else in its pipeline), so the gateway, which took it for a
     * connection of its own, serves it rather than dialing the database for nothing.
     */
    record Unsupported(String why, Optional<Channel> connection) implements TunnelOpen {
    }
}
