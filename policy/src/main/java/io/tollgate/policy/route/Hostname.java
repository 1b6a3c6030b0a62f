package io.tollgate.policy.route;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fully qualified DNS name such as {@code rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com}, stored in lower case because
 * DNS names (and SNI) compare case-insensitively. Wildcards are not host names: see {@link SniMatch}.
 */
public record Hostname(String value) implements Host {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?|_[a-z0-9-]+");

    public Hostname {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("host name must not be empty");
        }
        value = value.toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.length() > 253) {
            throw new IllegalArgumentException("host name '" + value + "' is longer than 253 characters");
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("host name '" + value + "' has an invalid label '" + label
                        + "': labels are 1-63 letters, digits or '-', not starting or ending with '-'");
            }
        }
        if (IpLiteral.looksLikeIp(value)) {
            throw new IllegalArgumentException("'" + value + "' is an IP address, not a host name");
        }
    }

    public static Hostname of(String value) {
        return new Hostname(value);
    }

    @Override
    public String text() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
