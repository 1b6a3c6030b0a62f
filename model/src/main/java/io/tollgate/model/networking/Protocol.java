package io.tollgate.model.networking;

import java.util.Locale;
import java.util.Optional;

/**
 * The protocol of a ServiceEntry or Gateway port, parsed case-insensitively as Istio does
 * ({@code pkg/config/protocol}): {@code tcp}, {@code TCP} and {@code Tcp} are the same.
 */
public enum Protocol {
    TCP, UDP, GRPC, GRPC_WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL;

    public static Optional<Protocol> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Optional.of(TCP);
            case "udp" -> Optional.of(UDP);
            case "grpc" -> Optional.of(GRPC);
            case "grpc-web" -> Optional.of(GRPC_WEB);
            case "http" -> Optional.of(HTTP);
            case "http_proxy" -> Optional.of(HTTP_PROXY);
            case "http2" -> Optional.of(HTTP2);
            case "https" -> Optional.of(HTTPS);
            case "tls" -> Optional.of(TLS);
            case "mongo" -> Optional.of(MONGO);
            case "redis" -> Optional.of(REDIS);
            case "mysql" -> Optional.of(MYSQL);
            default -> Optional.empty();
        };
    }

    public boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB;
    }

    /** Carried as opaque TCP by the proxy (Istio's {@code IsTCP}). */
    public boolean isTcp() {
        return this == TCP || this == HTTPS || this == TLS || this == MONGO || this == REDIS || this == MYSQL;
    }

    public boolean isTls() {
        return this == HTTPS || this == TLS;
    }
}
