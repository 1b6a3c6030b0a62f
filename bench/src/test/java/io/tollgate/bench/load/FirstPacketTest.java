package io.tollgate.bench.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FirstPacketTest {
    private static byte[] packet(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(payload.length & 0xff);
        out.write(payload.length >> 8 & 0xff);
        out.write(payload.length >> 16 & 0xff);
        out.write(0);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    @Test
    void aProtocol10PacketIsAGreetingWithTheServerVersion() {
        byte[] payload = "\n11.4.2-MariaDB\0rest".getBytes(StandardCharsets.US_ASCII);
        assertThat(FirstPacket.read(new ByteArrayInputStream(packet(payload))))
                .isEqualTo(new FirstPacket.Greeting("11.4.2-MariaDB"));
    }

    @Test
    void anErrPacketIsARefusalWithCodeAndMessage() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(0xff);
        payload.write(1130 & 0xff);
        payload.write(1130 >> 8);
        payload.writeBytes("#HY000Host denied by policy deny-all".getBytes(StandardCharsets.UTF_8));
        assertThat(FirstPacket.read(new ByteArrayInputStream(packet(payload.toByteArray()))))
                .isEqualTo(new FirstPacket.Refusal(1130, "Host denied by policy deny-all"));
    }

    @Test
    void anImmediateCloseAndATruncatedPacketAreClosed() {
        assertThat(FirstPacket.read(new ByteArrayInputStream(new byte[0]))).isInstanceOf(FirstPacket.Closed.class);
        assertThat(FirstPacket.read(new ByteArrayInputStream(new byte[]{10, 0, 0, 0, 10, 'x'})))
                .isInstanceOf(FirstPacket.Closed.class);
    }

    @Test
    void otherBytesAreUnexpected() {
        assertThat(FirstPacket.read(new ByteArrayInputStream(packet(new byte[]{0x16, 3, 1}))))
                .isEqualTo(new FirstPacket.Unexpected(0x16, 3));
    }
}
