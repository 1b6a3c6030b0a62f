package io.tollgate.dataplane.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SockaddrTest {
    @Test
    void ipv4IsFamilyInHostOrderThenPortAndAddressInNetworkOrder() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = Sockaddr.encode(new InetSocketAddress("10.1.2.3", 3306), arena);
            assertThat(s.toArray(ValueLayout.JAVA_BYTE)).containsExactly(
                    2, 0, 0x0c, (byte) 0xea, 10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0);
            assertThat(Sockaddr.decode(s, 16)).isEqualTo(new InetSocketAddress("10.1.2.3", 3306));
        }
    }

    @Test
    void ipv6RoundTrips() {
        try (Arena arena = Arena.ofConfined()) {
            InetSocketAddress address = new InetSocketAddress("2001:db8::7", 15001);
            MemorySegment s = Sockaddr.encode(address, arena);
            assertThat(s.byteSize()).isEqualTo(28);
            assertThat(s.get(ValueLayout.JAVA_SHORT, 0)).isEqualTo((short) 10);
            assertThat(Sockaddr.decode(s, 28)).isEqualTo(address);
        }
    }

    @Test
    void ipv4MappedIpv6DecodesAsIpv4() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(28, 8);
            s.set(ValueLayout.JAVA_SHORT, 0, (short) 10);
            s.set(ValueLayout.JAVA_BYTE, 3, (byte) 80);
            byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, (byte) 255, 0, 1};
            MemorySegment.copy(MemorySegment.ofArray(mapped), 0, s, 8, 16);
            assertThat(Sockaddr.decode(s, 28)).isEqualTo(new InetSocketAddress("127.255.0.1", 80));
        }
    }

    @Test
    void unknownFamilyIsRejected() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(16, 8);
            s.set(ValueLayout.JAVA_SHORT, 0, (short) 1);
            assertThatThrownBy(() -> Sockaddr.decode(s, 16)).hasMessageContaining("family 1");
        }
    }

    @Test
    void unresolvedAddressCannotBeEncoded() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> Sockaddr.encode(InetSocketAddress.createUnresolved("db.example.com", 1), arena))
                    .hasMessageContaining("unresolved");
        }
    }
}
