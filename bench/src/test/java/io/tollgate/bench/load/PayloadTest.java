package io.tollgate.bench.load;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTest {
    @Property
    void aMessageDecodesToItsSequence(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long sequence) {
        byte[] message = new byte[Payload.SIZE];
        Payload.encode(sequence, message);
        assertThat(Payload.decode(message)).isEqualTo(sequence);
    }

    @Property
    void anyFlippedBodyByteIsCaught(@ForAll @LongRange(min = 0, max = 1_000_000) long sequence,
                                    @ForAll @IntRange(min = 8, max = 63) int index) {
        byte[] message = new byte[Payload.SIZE];
        Payload.encode(sequence, message);
        message[index] ^= 0x01;
        assertThat(Payload.decode(message)).isEqualTo(-1);
    }
}
