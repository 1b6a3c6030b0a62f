package io.tollgate.dataplane.tunnel;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;

import java.util.Optional;

/**
 * The tunnel's one request and its answer, as HBONE has them: {@code CONNECT} with {@code :authority} naming the
 * destination host (the server name the route would have sent as SNI) and port; the gateway answers {@code 200}
 * once its upstream is connected, or refuses with a status and, in {@link #REASON}, why.
 */
public final class ConnectHeaders {
    /** A refusal's reason, for the sidecar's log: the same sentence the gateway logs. */
    public static final String REASON = "tollgate-reason";
    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int BAD_GATEWAY = 502;
    public static final int UNAVAILABLE = 503;

    private ConnectHeaders() {
    }

    /** The request a sidecar sends on a new stream. */
    public static Http2Headers request(String host, int port) {
        return new DefaultHttp2Headers().method("CONNECT").authority(host + ":" + port);
    }

    /** {@code 200}: the stream now carries the connection's bytes. */
    public static Http2Headers accepted() {
        return new DefaultHttp2Headers().status(String.valueOf(OK));
    }

    /** A refusal (sent with END_STREAM: it also ends the stream from the gateway's side). */
    public static Http2Headers refused(int status, String reason) {
        Http2Headers headers = new DefaultHttp2Headers().status(String.valueOf(status));
        headers.set(REASON, printable(reason));
        return headers;
    }

    /** The answer's status, or empty when it has none that parses. */
    public static Optional<Integer> status(Http2Headers headers) {
        CharSequence status = headers.status();
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(status.toString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The refusal's reason, or a placeholder. */
    public static String reason(Http2Headers headers) {
        CharSequence reason = headers.get(REASON);
        return reason == null ? "(no reason given)" : reason.toString();
    }

    /** Header values are visible ASCII and spaces; anything else becomes '?'. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 1024));
        for (int i = 0; i < text.length() && i < 1024; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
