package io.tollgate.dataplane.capture;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Linux {@code struct sockaddr_in} (16 bytes) and {@code struct sockaddr_in6} (28 bytes): family in host byte
 * order, port and address in network byte order.
 */
final class Sockaddr {
    static final long IN_SIZE = 16;
    static final long IN6_SIZE = 28;
    private static final long FAMILY = 0;
    private static final long PORT = 2;
    private static final long IN_ADDR = 4;
    private static final long IN6_ADDR = 8;
    private static final long SCOPE_ID = 24;

    private Sockaddr() {
    }

    static int family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? Libc.AF_INET6 : Libc.AF_INET;
    }

    static MemorySegment encode(InetSocketAddress address, Arena arena) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(address + " is unresolved; a socket binds to an IP address");
        }
        byte[] ip = address.getAddress().getAddress();
        boolean v6 = address.getAddress() instanceof Inet6Address;
        MemorySegment s = arena.allocate(v6 ? IN6_SIZE : IN_SIZE, 8);
        s.set(JAVA_SHORT, FAMILY, (short) (v6 ? Libc.AF_INET6 : Libc.AF_INET));
        s.set(JAVA_BYTE, PORT, (byte) (address.getPort() >>> 8));
        s.set(JAVA_BYTE, PORT + 1, (byte) address.getPort());
        MemorySegment.copy(MemorySegment.ofArray(ip), 0, s, v6 ? IN6_ADDR : IN_ADDR, ip.length);
        if (address.getAddress() instanceof Inet6Address a6 && a6.getScopeId() != 0) {
            s.set(JAVA_INT, SCOPE_ID, a6.getScopeId());
        }
        return s;
    }

    /** Decodes {@code length} bytes the kernel wrote; throws if the family is neither AF_INET nor AF_INET6. */
    static InetSocketAddress decode(MemorySegment s, int length) {
        int family = s.get(JAVA_SHORT, FAMILY);
        int port = (Byte.toUnsignedInt(s.get(JAVA_BYTE, PORT)) << 8) | Byte.toUnsignedInt(s.get(JAVA_BYTE, PORT + 1));
        byte[] ip;
        if (family == Libc.AF_INET && length >= 8) {
            ip = s.asSlice(IN_ADDR, 4).toArray(JAVA_BYTE);
        } else if (family == Libc.AF_INET6 && length >= 24) {
            ip = s.asSlice(IN6_ADDR, 16).toArray(JAVA_BYTE);
        } else {
            throw new IllegalArgumentException("not a sockaddr_in/sockaddr_in6: family " + family + ", " + length + " bytes");
        }
        try {
            // getByAddress turns an IPv4-mapped IPv6 address into an Inet4Address, which is what callers compare.
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + ip.length, e);
        }
    }
}
