package io.tollgate.dataplane.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A MySQL/MariaDB {@code ERR_Packet}, the way a server refuses a client before its greeting:
 * <pre>
 *   int&lt;3&gt; payload length (little-endian)   int&lt;1&gt; sequence id
 *   int&lt;1&gt; 0xFF   int&lt;2&gt; error code (little-endian)   '#'   string[5] SQLSTATE   string&lt;EOF&gt; message
 * </pre>
 * The SQLSTATE marker is optional in the protocol; MariaDB's client reads it whenever the byte after the code is
 * {@code '#'}, so we always send it and the prompt shows {@code ERROR 1130 (HY000): ...}.
 */
public record MysqlErrPacket(int sequenceId, int errorCode, String sqlState, String message) {
    /** {@code ER_HOST_NOT_PRIVILEGED}: "Host '%s' is not allowed to connect to this server". */
    public static final int HOST_NOT_ALLOWED = 1130;
    /** The generic SQLSTATE servers use when no standard one applies. */
    public static final String GENERAL_ERROR = "HY000";
    /** Clients keep at most this many bytes of a message ({@code MYSQL_ERRMSG_SIZE}). */
    static final int MAX_MESSAGE_BYTES = 512;

    public MysqlErrPacket {
        if (sequenceId < 0 || sequenceId > 255) {
            throw new IllegalArgumentException("sequence id " + sequenceId + " is not a byte");
        }
        if (errorCode < 1000 || errorCode > 0xFFFE || (errorCode >= 2000 && errorCode < 3000)) {
            // 2000-2999 are client-side codes: a client rejects an ERR packet that carries one.
            throw new IllegalArgumentException("error code " + errorCode + " is not a server error code");
        }
        if (sqlState == null || sqlState.length() != 5 || !sqlState.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("SQLSTATE '" + sqlState + "' must be 5 ASCII characters");
        }
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
    }

    /** The packet a server sends first when it refuses a host: sequence 0, error 1130, SQLSTATE HY000. */
    public static MysqlErrPacket hostNotAllowed(String message) {
        return new MysqlErrPacket(0, HOST_NOT_ALLOWED, GENERAL_ERROR, message);
    }

    public ByteBuf encode(ByteBufAllocator allocator) {
        byte[] text = messageBytes();
        int payloadLength = 1 + 2 + 1 + 5 + text.length;
        ByteBuf out = allocator.buffer(4 + payloadLength);
        out.writeMediumLE(payloadLength);
        out.writeByte(sequenceId);
        out.writeByte(0xFF);
        out.writeShortLE(errorCode);
        out.writeByte('#');
        out.writeCharSequence(sqlState, StandardCharsets.US_ASCII);
        out.writeBytes(text);
        return out;
    }

    /** The message in UTF-8, cut at a character boundary so a client never keeps half a character. */
    private byte[] messageBytes() {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_MESSAGE_BYTES) {
            return bytes;
        }
        int end = MAX_MESSAGE_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }
}
