package io.tollgate.dataplane.pod;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The loopback address a pod's sidecar binds its upstream sockets to, so the gateway (its {@code ipBlocks} and
 * access log) can tell pods apart although every pod reaches it over loopback. Pod slot {@code n} owns
 * {@code 127.240.(n / 256).(n % 256)}; the slot is also the number in the pod's name ({@code tg-n}), so
 * separate processes never hand out the same address: creating the namespace is what claims the slot.
 *
 * @param slot 1 to 65534 ({@code .0.0} and {@code .255.255} are left unused)
 */
public record PodSourceAddress(int slot) {
    public static final int FIRST_SLOT = 1;
    public static final int LAST_SLOT = 65534;
    private static final int SECOND_OCTET = 240;

    public PodSourceAddress {
        if (slot < FIRST_SLOT || slot > LAST_SLOT) {
            throw new IllegalArgumentException("pod slot " + slot + " is outside " + FIRST_SLOT + ".." + LAST_SLOT);
        }
    }

    public InetAddress address() {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) SECOND_OCTET, (byte) (slot >>> 8), (byte) slot});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    /** The slot an address belongs to, or empty when it is not a pod source address. */
    public static Optional<PodSourceAddress> of(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int slot = (Byte.toUnsignedInt(b[2]) << 8) | Byte.toUnsignedInt(b[3]);
        if (b[0] != 127 || Byte.toUnsignedInt(b[1]) != SECOND_OCTET || slot < FIRST_SLOT || slot > LAST_SLOT) {
            return Optional.empty();
        }
        return Optional.of(new PodSourceAddress(slot));
    }

    @Override
    public String toString() {
        return address().getHostAddress();
    }
}
