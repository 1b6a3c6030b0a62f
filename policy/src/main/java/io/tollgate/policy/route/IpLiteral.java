package io.tollgate.policy.route;

import java.net.InetAddress;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address written as a literal; never resolved through DNS. */
public record IpLiteral(InetAddress address) implements Host {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public IpLiteral {
        if (address == null) {
            throw new IllegalArgumentException("IP address must not be null");
        }
    }

    /** Parses a literal without any name lookup; throws {@link IllegalArgumentException} naming the text. */
    public static IpLiteral of(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            return new IpLiteral(InetAddress.ofLiteral(bare));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address literal", e);
        }
    }

    static boolean looksLikeIp(String text) {
        return text.indexOf(':') >= 0 || IPV4.matcher(text).matches();
    }

    @Override
    public String text() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return text();
    }
}
