package io.tollgate.policy.authz;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IPv4 or IPv6 address held as bits, so that matching a {@link Cidr} is a few long operations.
 * IPv4 uses the low 32 bits of {@code low}. An IPv4 address and its IPv4-mapped IPv6 form are different addresses
 * here, as they are to Envoy's CIDR matcher; {@link #of(InetAddress)} receives the JDK's already-unmapped IPv4 form.
 *
 * @param bitLength 32 for IPv4, 128 for IPv6
 */
public record IpAddress(int bitLength, long high, long low) {
    public IpAddress {
        if (bitLength != 32 && bitLength != 128) {
            throw new IllegalArgumentException("an IP address has 32 or 128 bits, not " + bitLength);
        }
        if (bitLength == 32 && (high != 0 || (low >>> 32) != 0)) {
            throw new IllegalArgumentException("an IPv4 address must fit in 32 bits");
        }
    }

    public boolean isIpv4() {
        return bitLength == 32;
    }

    public static IpAddress of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    }

    /**
     * Parses an address literal the way Go's {@code netip.ParseAddr} does (which is what Istio uses): a dotted quad
     * of decimal numbers without leading zeros, or an IPv6 literal without brackets or zone. Never resolves names.
     */
    public static IpAddress parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    private static IpAddress parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (four decimal numbers joined by '.')");
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: bad field '" + part + "'");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: " + octet + " is over 255");
            }
            value = (value << 8) | octet;
        }
        return new IpAddress(32, 0, value);
    }

    private static IpAddress parseIpv6(String text) {
        boolean literalCharacters = !text.isEmpty() && text.chars().allMatch(
                c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.');
        if (!literalCharacters) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address (no brackets, zones or names)");
        }
        InetAddress parsed;
        try {
            parsed = Inet6Address.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address", e);
        }
        if (parsed instanceof Inet4Address mapped) {
            // The JDK unmaps ::ffff:a.b.c.d; Istio keeps it an IPv6 address, and so do we.
            byte[] v4 = mapped.getAddress();
            long low = 0xffffL << 32 | ((v4[0] & 0xffL) << 24) | ((v4[1] & 0xffL) << 16) | ((v4[2] & 0xffL) << 8) | (v4[3] & 0xffL);
            return new IpAddress(128, 0, low);
        }
        return ipv6(parsed.getAddress());
    }

    private static IpAddress ipv4(byte[] b) {
        long value = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        return new IpAddress(32, 0, value);
    }

    private static IpAddress ipv6(byte[] b) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (b[i] & 0xffL);
            low = (low << 8) | (b[i + 8] & 0xffL);
        }
        return new IpAddress(128, high, low);
    }

    /** Dotted quad for IPv4; RFC 5952 text (lower case, longest zero run as {@code ::}) for IPv6. */
    @Override
    public String toString() {
        if (isIpv4()) {
            return (low >>> 24) + "." + ((low >>> 16) & 0xff) + "." + ((low >>> 8) & 0xff) + "." + (low & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) ((high >>> (48 - 16 * i)) & 0xffff);
            groups[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xffff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
