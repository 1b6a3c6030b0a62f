package io.tollgate.policy.authz;

/**
 * An address block, {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or a single address (a full-length prefix).
 * Host bits are cleared as Envoy's CIDR range does, so {@code 10.1.2.3/16} is {@code 10.1.0.0/16}.
 * An IPv4 block never contains an IPv6 address and the reverse.
 */
public record Cidr(IpAddress network, int prefixLength) {
    public Cidr {
        if (prefixLength < 0 || prefixLength > network.bitLength()) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + network.bitLength());
        }
        network = new IpAddress(network.bitLength(), network.high() & highMask(network.bitLength(), prefixLength),
                network.low() & lowMask(network.bitLength(), prefixLength));
    }

    /**
     * Parses {@code ADDRESS/BITS} or a bare address (meaning /32 or /128), as Istio's {@code AddrStrToCidrRange}
     * does with Go's {@code netip} parsers: decimal bits without sign or leading zero.
     */
    public static Cidr parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            IpAddress address = IpAddress.parse(text);
            return new Cidr(address, address.bitLength());
        }
        IpAddress address = IpAddress.parse(text.substring(0, slash));
        String bits = text.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')
                || (bits.length() > 1 && bits.charAt(0) == '0')) {
            throw new IllegalArgumentException("'" + text + "': bad prefix length '" + bits + "'");
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > address.bitLength()) {
            throw new IllegalArgumentException("'" + text + "': prefix length " + prefix + " is over " + address.bitLength());
        }
        return new Cidr(address, prefix);
    }

    public boolean contains(IpAddress address) {
        return address.bitLength() == network.bitLength()
                && (address.high() & highMask(network.bitLength(), prefixLength)) == network.high()
                && (address.low() & lowMask(network.bitLength(), prefixLength)) == network.low();
    }

    private static long highMask(int bitLength, int prefix) {
        if (bitLength == 32 || prefix == 0) {
            return 0;
        }
        return prefix >= 64 ? -1L : -1L << (64 - prefix);
    }

    private static long lowMask(int bitLength, int prefix) {
        int lowPrefix = bitLength == 32 ? prefix + 32 : prefix - 64;
        if (lowPrefix <= 0) {
            return 0;
        }
        return lowPrefix >= 64 ? -1L : -1L << (64 - lowPrefix);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
