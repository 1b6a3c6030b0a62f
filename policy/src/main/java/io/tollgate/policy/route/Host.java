package io.tollgate.policy.route;

/** Where an endpoint lives: a DNS name to resolve, or an IP literal that needs no resolution. */
public sealed interface Host permits Hostname, IpLiteral {

    /** Reads an IP literal as {@link IpLiteral}, anything else as a {@link Hostname}; throws naming the problem. */
    static Host parse(String text) {
        return IpLiteral.looksLikeIp(text) ? IpLiteral.of(text) : Hostname.of(text);
    }

    /** The text form, as it would appear in a URL authority (IPv6 without brackets). */
    String text();
}
