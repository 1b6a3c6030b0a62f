package io.tollgate.dataplane.pod;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DNS host name as it may appear in a pod's hosts file: lower case, no trailing dot, labels of letters,
 * digits and hyphens. Wildcards ({@code *.example.com}) cannot be written to a hosts file and are rejected,
 * as is anything that could smuggle a second entry into the file.
 */
public record HostName(String value) implements Comparable<HostName> {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public HostName {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("host name must not be empty");
        }
        if (value.length() > 253) {
            throw new IllegalArgumentException("host name '" + value + "' is longer than 253 characters");
        }
        if (value.startsWith("*")) {
            throw new IllegalArgumentException("host name '" + value + "' is a wildcard; a hosts file maps exact names only");
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("host name '" + value + "' has an invalid label '" + label
                        + "': labels are 1-63 lower-case letters, digits or '-', not starting or ending with '-'");
            }
        }
    }

    /** Lower-cases and drops one trailing dot, then validates: {@code RM-X.Example.COM.} becomes {@code rm-x.example.com}. */
    public static HostName of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return new HostName(lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower);
    }

    @Override
    public int compareTo(HostName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
