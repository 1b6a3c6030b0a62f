package io.tollgate.model.validation;

import java.net.Inet6Address;

/**
 * IP address and CIDR syntax as Go's {@code net/netip} accepts it, checked without any DNS lookup
 * ({@code InetAddress.getByName} would resolve host names, which Tollgate must never do for config).
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    public static boolean isIp(String text) {
        if (isIpv4(text)) {
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
        if (address.contains("%") || !isIp(address) || !isDecimal(bits, 0, bits.length())) {
            return false;
        }
        return Integer.parseInt(bits) <= (address.contains(":") ? 128 : 32);
    }

    // The two forms below are matched by hand, not by regular expression: every address and CIDR of every resource
    // loaded is checked, and String.matches compiles its pattern on each call.

    /** Four dotted decimal octets, {@code (?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)} each: 0 to 255, no leading zero. */
    private static boolean isIpv4(String text) {
        int from = 0;
        for (int octet = 0; octet < 4; octet++) {
            int dot = text.indexOf('.', from);
            int to = dot < 0 ? text.length() : dot;
            if ((octet < 3) != (dot >= 0) || !isDecimal(text, from, to) || Integer.parseInt(text, from, to, 10) > 255) {
                return false;
            }
            from = to + 1;
        }
        return true;
    }

    /** {@code 0|[1-9]\d{0,2}} on {@code text[from, to)}: one to three ASCII digits, no leading zero. */
    private static boolean isDecimal(String text, int from, int to) {
        if (from >= to || to - from > 3 || (text.charAt(from) == '0' && to - from > 1)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Istio ValidateIPSubnet: a CIDR when it has a slash, else a single address. */
    public static boolean isIpOrCidr(String text) {
        return text.contains("/") ? isCidr(text) : isIp(text);
    }
}
