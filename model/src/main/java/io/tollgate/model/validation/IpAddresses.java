package io.tollgate.model.validation;

import java.net.Inet6Address;
import java.util.regex.Pattern;

/**
 * IP address and CIDR syntax as Go's {@code net/netip} accepts it, checked without any DNS lookup
 * ({@code InetAddress.getByName} would resolve host names, which Tollgate must never do for config).
 */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private IpAddresses() {
    }

    public static boolean isIp(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || text.startsWith("[")) {
            return false;
        }
        try {
            Inet6Address.ofLiteral(text);
            return true;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** {@code address/bits}, bits within the family's length; host bits may be set, as netip allows. */
    public static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        String address = text.substring(0, slash);
        String bits = text.substring(slash + 1);
        if (address.contains("%") || !isIp(address) || !bits.matches("0|[1-9]\\d{0,2}")) {
            return false;
        }
        return Integer.parseInt(bits) <= (address.contains(":") ? 128 : 32);
    }

    /** Istio ValidateIPSubnet: a CIDR when it has a slash, else a single address. */
    public static boolean isIpOrCidr(String text) {
        return text.contains("/") ? isCidr(text) : isIp(text);
    }
}
