package io.tollgate.policy.compile;

import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.policy.route.SniMatch;
import io.tollgate.policy.scope.ServiceHosts;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code hosts} entry of a Gateway server, {@code [namespace/]dnsName}: which VirtualServices may bind to the
 * server (those in {@code namespace}: {@code *} any, {@code .} the Gateway's own) for which host names.
 */
record ServerHost(String namespace, String host) {

    static ServerHost parse(String entry) {
        int slash = entry.indexOf('/');
        return slash < 0 ? new ServerHost("*", entry.toLowerCase(Locale.ROOT))
                : new ServerHost(entry.substring(0, slash), entry.substring(slash + 1).toLowerCase(Locale.ROOT));
    }

    /** True when a VirtualService of this namespace may bind here. */
    boolean admits(VirtualService vs, Gateway gateway) {
        String owner = vs.meta().namespace();
        return namespace.equals("*") || namespace.equals(owner)
                || (namespace.equals(".") && gateway.meta().namespace().equals(owner));
    }

    /** True when the VirtualService may bind here and one of its hosts overlaps this one. */
    boolean binds(VirtualService vs, Gateway gateway) {
        return admits(vs, gateway) && vs.hosts().stream()
                .anyMatch(h -> ServiceHosts.overlap(ServiceHosts.fqdn(h, vs.meta().namespace()), host));
    }

    /** The server names this host admits; empty for a host that is no server name (an IP address). */
    Optional<SniMatch> sni() {
        return sniOf(host);
    }

    /**
     * The narrower of this host and a route's SNI host, when one covers the other (a route may not widen what the
     * server admits); empty when they have no name in common.
     */
    Optional<SniMatch> narrow(String sniHost) {
        String sni = sniHost.toLowerCase(Locale.ROOT);
        if (ServiceHosts.covers(host, sni)) {
            return sniOf(sni);
        }
        if (ServiceHosts.covers(sni, host)) {
            return sniOf(host);
        }
        return Optional.empty();
    }

    private static Optional<SniMatch> sniOf(String name) {
        try {
            return Optional.of(SniMatch.parse(name));
        } catch (IllegalArgumentException notAServerName) {
            return Optional.empty();
        }
    }
}
