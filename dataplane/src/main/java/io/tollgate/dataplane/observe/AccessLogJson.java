package io.tollgate.dataplane.observe;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Formats an {@link AccessLogEntry} as one line of JSON with Envoy-like keys. Absent values are JSON
 * {@code null}, so every line has the same keys and a reader never guesses.
 */
public final class AccessLogJson {
    private AccessLogJson() {
    }

    public static String format(AccessLogEntry e) {
        StringBuilder out = new StringBuilder(512).append('{');
        field(out, "start_time", DateTimeFormatter.ISO_INSTANT.format(e.start()));
        number(out, "duration_ms", e.duration().toMillis());
        number(out, "connection_id", e.connectionId());
        field(out, "downstream_remote_address", e.sourceAddress());
        field(out, "downstream_local_address", e.localAddress());
        field(out, "source_principal", e.sourcePrincipal());
        field(out, "requested_server_name", e.serverName());
        field(out, "destination_service", e.destination());
        field(out, "upstream_host", e.upstreamAddress());
        number(out, "bytes_received", e.bytesReceived());
        number(out, "bytes_sent", e.bytesSent());
        field(out, "authz_decision", e.decision());
        field(out, "authz_policy", e.policy());
        field(out, "response_flags", e.responseFlag().code());
        field(out, "termination_details", e.termination());
        out.setLength(out.length() - 1);
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String key, Optional<String> value) {
        if (value.isPresent()) {
            field(out, key, value.get());
        } else {
            out.append('"').append(key).append("\":null,");
        }
    }

    private static void number(StringBuilder out, String key, long value) {
        out.append('"').append(key).append("\":").append(value).append(',');
    }

    private static void field(StringBuilder out, String key, String value) {
        out.append('"').append(key).append("\":");
        quote(out, value);
        out.append(',');
    }

    static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
