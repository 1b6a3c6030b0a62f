package io.tollgate.dataplane.tunnel;

import io.netty.handler.codec.http2.Http2Headers;

/**
 * Where a tunnel stream asks to go: {@code :authority} of a {@code CONNECT}, as {@code host:port}. The host plays
 * the part SNI plays on a connection of its own (routing, {@code connection.sni}).
 */
public record ConnectTarget(String host, int port) {
    public ConnectTarget {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 1-65535");
        }
    }

    /**
     * The target of a request.
     *
     * @throws IllegalArgumentException saying what is wrong with it (not a CONNECT, no or a bad authority)
     */
    public static ConnectTarget of(Http2Headers request) {
        CharSequence method = request.method();
        if (method == null || !"CONNECT".contentEquals(method)) {
            throw new IllegalArgumentException("method " + method + ", expected CONNECT");
        }
        CharSequence authority = request.authority();
        if (authority == null) {
            throw new IllegalArgumentException("CONNECT without :authority");
        }
        String text = authority.toString();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(":authority '" + text + "' is not host:port");
        }
        try {
            return new ConnectTarget(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(":authority '" + text + "' has no numeric port");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
