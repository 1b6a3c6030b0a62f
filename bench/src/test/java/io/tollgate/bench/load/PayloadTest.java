package io.tollgate.bench.load;

import io.tollgate.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTest {
    private static final long MAX_FLIPPED_SEQUENCE = 1_000_000;

    private record Flip(long sequence, int index) {
    }

    @Test
    void aMessageDecodesToItsSequence() {
        // Zero, one, the largest sequence, values either side of the low bytes rolling over, and one filling 40 bits.
        List<Long> edges = List.of(0L, 1L, 255L, 256L, 65_535L, 65_536L, 0xFF_FFFF_FFFFL, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        SeededProperty.check(1000, edges, PayloadTest::sequence, sequence -> {
            byte[] message = new byte[Payload.SIZE];
            Payload.encode(sequence, message);
            assertThat(Payload.decode(message)).isEqualTo(sequence);
        });
    }

    /** Half the draws small, as a run's sequences are; half from the whole non-negative range. */
    private static long sequence(SplittableRandom random) {
        return random.nextBoolean() ? random.nextLong(1 << 20) : random.nextLong() & Long.MAX_VALUE;
    }

    @Test
    void anyFlippedBodyByteIsCaught() {
        SeededProperty.check(1000, flipEdges(),
                r -> new Flip(r.nextLong(MAX_FLIPPED_SEQUENCE + 1), r.nextInt(Long.BYTES, Payload.SIZE)), flip -> {
                    byte[] message = new byte[Payload.SIZE];
                    Payload.encode(flip.sequence(), message);
                    message[flip.index()] ^= 0x01;
                    assertThat(Payload.decode(message)).isEqualTo(-1);
                });
    }

    /** The first and last body bytes, and one in the middle, for the smallest and largest sequences. */
    private static List<Flip> flipEdges() {
        List<Flip> edges = new ArrayList<>();
        for (long sequence : List.of(0L, 1L, MAX_FLIPPED_SEQUENCE)) {
            for (int index : List.of(Long.BYTES, 35, Payload.SIZE - 1)) {
                edges.add(new Flip(sequence, index));
            }
        }
        return edges;
    }
}
