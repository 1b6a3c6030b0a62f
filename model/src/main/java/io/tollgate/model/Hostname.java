package io.tollgate.model;

/**
 * A host name as Istio matches them ({@code pkg/config/host}): exact, or wildcarded in its first label
 * ({@code *.example.com}, or {@code *} for every host).
 */
public record Hostname(String value) {

    public boolean isWildcard() {
        return value.startsWith("*");
    }

    /** True when the two names overlap: equal, or one wildcard covers the other. */
    public boolean matches(Hostname other) {
        if (isWildcard() && other.isWildcard()) {
            return value.length() < other.value.length()
                    ? other.value.substring(1).endsWith(value.substring(1))
                    : value.substring(1).endsWith(other.value.substring(1));
        }
        if (isWildcard()) {
            return other.value.endsWith(value.substring(1));
        }
        if (other.isWildcard()) {
            return value.endsWith(other.value.substring(1));
        }
        return value.equals(other.value);
    }

    /** True when every name this one matches is also matched by {@code other}. */
    public boolean subsetOf(Hostname other) {
        if (isWildcard()) {
            return other.isWildcard() && value.length() >= other.value.length()
                    && value.substring(1).endsWith(other.value.substring(1));
        }
        if (other.isWildcard()) {
            return value.endsWith(other.value.substring(1));
        }
        return value.equals(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
