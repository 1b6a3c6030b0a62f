package io.tollgate.policy.route;

/** A TCP port, 1-65535. Port 0 ("any free port") is a bind-time choice, not a route key, so it is refused here. */
public record PortNumber(int value) implements Comparable<PortNumber> {
    public PortNumber {
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("port " + value + " is out of range 1-65535");
        }
    }

    public static PortNumber of(int value) {
        return new PortNumber(value);
    }

    @Override
    public int compareTo(PortNumber other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
