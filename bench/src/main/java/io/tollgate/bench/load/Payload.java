package io.tollgate.bench.load;

import java.nio.ByteBuffer;

/**
 * The 64-byte ping-pong message: an 8-byte sequence number, then 56 bytes derived from it. The receiver recovers
 * the message's intended send time from the sequence number (so no queue is shared between threads) and checks
 * the derived bytes, so a proxy that corrupts, drops or reorders bytes is caught, not just timed.
 */
final class Payload {
    static final int SIZE = 64;

    private Payload() {
    }

    static void encode(long sequence, byte[] into) {
        ByteBuffer.wrap(into).putLong(0, sequence);
        for (int i = Long.BYTES; i < SIZE; i++) {
            into[i] = fill(sequence, i);
        }
    }

    /** The sequence number of a well-formed message, or -1 when any derived byte is wrong. */
    static long decode(byte[] message) {
        long sequence = ByteBuffer.wrap(message).getLong(0);
        for (int i = Long.BYTES; i < SIZE; i++) {
            if (message[i] != fill(sequence, i)) {
                return -1;
            }
        }
        return sequence;
    }

    private static byte fill(long sequence, int index) {
        return (byte) (sequence * 31 + index * 7);
    }
}
