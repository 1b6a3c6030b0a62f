package io.tollgate.dataplane.tunnel;

import io.netty.handler.codec.http2.Http2Settings;

/**
 * The HTTP/2 settings both ends of a tunnel use. Windows are sized for database traffic through a proxy: a stream
 * may have {@link #STREAM_WINDOW} in flight before its reader has taken it (enough to keep a bulk copy moving
 * between two event-loop turns), the connection {@link #CONNECTION_WINDOW} for all of them together.
 */
public final class TunnelCodec {
    /** Per stream: the most a slow reader makes the tunnel buffer for it. */
    static final int STREAM_WINDOW = 1 << 20;
    /** For the whole tunnel. */
    static final int CONNECTION_WINDOW = 16 << 20;
    /** What a gateway allows on one tunnel; a sidecar opens another tunnel well before ({@link #STREAMS_PER_TUNNEL}). */
    static final int MAX_STREAMS = 1000;
    /** How many workload connections a sidecar puts on one tunnel before it opens another. */
    static final int STREAMS_PER_TUNNEL = 100;

    private TunnelCodec() {
    }

    public static TunnelConnection client() {
        return TunnelConnection.create(false, settings());
    }

    public static TunnelConnection server() {
        return TunnelConnection.create(true, settings());
    }

    /**
     * Raises the connection's receive window from HTTP/2's 64 KiB to {@link #CONNECTION_WINDOW}; call once
     * {@code tunnel} is in the pipeline of the active tunnel.
     */
    public static void widenConnectionWindow(TunnelConnection tunnel) {
        tunnel.widenConnectionWindow(CONNECTION_WINDOW - Http2CodecDefaults.CONNECTION_WINDOW);
    }

    private static Http2Settings settings() {
        return Http2Settings.defaultSettings().initialWindowSize(STREAM_WINDOW).maxConcurrentStreams(MAX_STREAMS);
    }

    /** HTTP/2's own defaults (RFC 9113 section 6.9.2). */
    private static final class Http2CodecDefaults {
        static final int CONNECTION_WINDOW = 65_535;
    }
}
