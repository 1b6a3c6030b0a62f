package io.tollgate.dataplane.tunnel;

import io.netty.handler.codec.http2.Http2StreamChannel;

/** How asking the pool for a stream ended. */
public sealed interface TunnelOpen {
    /** A stream whose CONNECT went out; its answer arrives as a {@code StreamFrames.Headers} event once read. */
    record Opened(Http2StreamChannel stream) implements TunnelOpen {
    }

    /** No tunnel could be had (connect, handshake or identity failed); the reason is for the access log. */
    record Failed(String why) implements TunnelOpen {
    }

    /** The server does not speak tunnels: use a connection of its own. */
    record Unsupported(String why) implements TunnelOpen {
    }
}
