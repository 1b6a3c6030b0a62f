package io.tollgate.dataplane.tunnel;

import io.netty.channel.Channel;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
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

    public static Http2FrameCodec client() {
        return configure(Http2FrameCodecBuilder.forClient()).build();
    }

    public static Http2FrameCodec server() {
        return configure(Http2FrameCodecBuilder.forServer()).build();
    }

    /**
     * Raises the connection's receive window from HTTP/2's 64 KiB to {@link #CONNECTION_WINDOW}; call once the codec
     * is in the pipeline of the active {@code tunnel}.
     */
    public static void widenConnectionWindow(Channel tunnel) {
        tunnel.writeAndFlush(new DefaultHttp2WindowUpdateFrame(CONNECTION_WINDOW - Http2CodecDefaults.CONNECTION_WINDOW));
    }

    private static Http2FrameCodecBuilder configure(Http2FrameCodecBuilder builder) {
        return builder
                .initialSettings(Http2Settings.defaultSettings()
                        .initialWindowSize(STREAM_WINDOW)
                        .maxConcurrentStreams(MAX_STREAMS))
                // Both ends are authenticated mesh members, and every workload connection that ends abruptly
                // ends its stream with a reset: the rapid-reset guard, made for anonymous HTTP clients, would
                // close a busy tunnel with all its streams.
                .decoderEnforceMaxRstFramesPerWindow(0, 0)
                .encoderEnforceMaxRstFramesPerWindow(0, 0)
                // A tunnel lives as long as its connections: closing it waits for none.
                .gracefulShutdownTimeoutMillis(0);
    }

    /** HTTP/2's own defaults (RFC 9113 section 6.9.2). */
    private static final class Http2CodecDefaults {
        static final int CONNECTION_WINDOW = 65_535;
    }
}
