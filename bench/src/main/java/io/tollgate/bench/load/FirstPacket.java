package io.tollgate.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a MySQL client gets first from whatever answers on the port: a server greeting (protocol 10), an ERR packet
 * (a server or proxy refusing the client), a close, or bytes that are not MySQL at all.
 */
public sealed interface FirstPacket {
    record Greeting(String serverVersion) implements FirstPacket {
    }

    record Refusal(int code, String message) implements FirstPacket {
    }

    record Closed(String how) implements FirstPacket {
    }

    record Unexpected(int firstByte, int length) implements FirstPacket {
    }

    /** Reads one packet (4-byte header: 3-byte little-endian length, sequence id); IO failures become {@link Closed}. */
    static FirstPacket read(InputStream in) {
        try {
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                return new Closed(header.length == 0 ? "closed before any byte" : "closed inside the packet header");
            }
            int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            byte[] payload = in.readNBytes(length);
            if (payload.length < length || length == 0) {
                return new Closed("closed inside a " + length + "-byte packet");
            }
            return parse(payload);
        } catch (IOException e) {
            return new Closed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static FirstPacket parse(byte[] payload) {
        int kind = payload[0] & 0xff;
        if (kind == 10) {
            int end = 1;
            while (end < payload.length && payload[end] != 0) {
                end++;
            }
            return new Greeting(new String(payload, 1, end - 1, StandardCharsets.US_ASCII));
        }
        if (kind == 0xff && payload.length >= 3) {
            int code = (payload[1] & 0xff) | (payload[2] & 0xff) << 8;
            // ERR in the first packet has no SQL-state marker in the old protocol, but servers that know
            // CLIENT_PROTOCOL_41 may add '#' + 5 chars; either way the rest is the human-readable message.
            int from = payload.length > 3 && payload[3] == '#' ? Math.min(payload.length, 9) : 3;
            return new Refusal(code, new String(payload, from, payload.length - from, StandardCharsets.UTF_8));
        }
        return new Unexpected(kind, payload.length);
    }
}
