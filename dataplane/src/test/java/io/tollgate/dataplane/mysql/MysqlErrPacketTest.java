package io.tollgate.dataplane.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MysqlErrPacketTest {

    @Test
    void encodesHeaderCodeStateAndMessageLittleEndian() {
        ByteBuf packet = MysqlErrPacket.hostNotAllowed("denied").encode(UnpooledByteBufAllocator.DEFAULT);
        // length 15 = 0xFF + 2-byte code + '#' + 5-byte state + 6-byte message; sequence 0; 1130 = 0x046a.
        assertThat(ByteBufUtil.hexDump(packet)).isEqualTo("0f0000" + "00" + "ff" + "6a04" + "23" + "4859303030"
                + ByteBufUtil.hexDump("denied".getBytes(StandardCharsets.US_ASCII)));
        packet.release();
    }

    @Test
    void isTheFirstThingAWritingChannelSends() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.writeAndFlush(new MysqlErrPacket(3, 1045, "28000", "x").encode(channel.alloc()));
        ByteBuf sent = channel.readOutbound();
        assertThat(sent.getUnsignedMediumLE(0)).isEqualTo(10);
        assertThat(sent.getUnsignedByte(3)).isEqualTo((short) 3);
        assertThat(sent.getUnsignedShortLE(5)).isEqualTo(1045);
        assertThat(sent.toString(8, 5, StandardCharsets.US_ASCII)).isEqualTo("28000");
        sent.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void cutsLongMessagesAtACharacterBoundary() {
        String message = "é".repeat(400); // 800 bytes of two-byte characters
        ByteBuf packet = MysqlErrPacket.hostNotAllowed(message).encode(UnpooledByteBufAllocator.DEFAULT);
        int textBytes = packet.readableBytes() - 4 - 9;
        assertThat(textBytes).isEqualTo(MysqlErrPacket.MAX_MESSAGE_BYTES);
        assertThat(packet.toString(13, textBytes, StandardCharsets.UTF_8)).isEqualTo("é".repeat(256));
        packet.release();
    }

    @Test
    void refusesWhatAClientWouldReject() {
        assertThatThrownBy(() -> new MysqlErrPacket(0, 2013, "HY000", "x")).hasMessageContaining("not a server error code");
        assertThatThrownBy(() -> new MysqlErrPacket(256, 1130, "HY000", "x")).hasMessageContaining("not a byte");
        assertThatThrownBy(() -> new MysqlErrPacket(0, 1130, "HY00", "x")).hasMessageContaining("5 ASCII characters");
    }
}
