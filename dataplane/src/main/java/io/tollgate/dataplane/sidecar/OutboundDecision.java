package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.observe.ResponseFlag;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.IpLiteral;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.SidecarRoute;
import io.tollgate.policy.route.SidecarRoutes;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** What the sidecar does with one outbound connection, decided from its destination alone, before any dial. */
sealed interface OutboundDecision {

    /** A registered destination: send it along its route. */
    record Routed(SidecarRoute route) implements OutboundDecision {
    }

    /** An unregistered address under ALLOW_ANY: straight to where the workload was going, plain TCP. */
    record PassThrough(InetSocketAddress address) implements OutboundDecision {
    }

    /** Closed at once, with the flag and reason the access log records. */
    record Refused(ResponseFlag flag, String reason) implements OutboundDecision {
    }

    /**
     * The sidecar's whole outbound rule, in order:
     * <ol>
     *   <li>a registered {@code host:port} follows its route;</li>
     *   <li>under REGISTRY_ONLY anything else is a black hole (BH), as Istio's BlackHoleCluster;</li>
     *   <li>under ALLOW_ANY an unregistered host name has nowhere to go (NR): its only address is the sidecar's own
     *       stand-in, never the real one;</li>
     *   <li>under ALLOW_ANY a loopback, link-local or wildcard address is refused (BH) all the same: that is the
     *       machine's (or the cloud's metadata) own services, and a pod must never reach them through its sidecar,
     *       which runs on the host. Fail closed: service addresses never get here, they read as host names;</li>
     *   <li>any other address under ALLOW_ANY passes through to itself.</li>
     * </ol>
     */
    static OutboundDecision of(HostPort destination, SidecarRoutes routes) {
        var route = routes.route(destination);
        if (route.isPresent()) {
            return new Routed(route.get());
        }
        if (routes.outboundPolicy() == OutboundPolicy.REGISTRY_ONLY) {
            return new Refused(ResponseFlag.BH, destination + " is not registered by any ServiceEntry this sidecar sees;"
                    + " outboundTrafficPolicy REGISTRY_ONLY black-holes it");
        }
        return switch (destination.host()) {
            case Hostname name -> new Refused(ResponseFlag.NR, destination + " is not routed, and its address here is only"
                    + " the sidecar's stand-in for " + name + ": there is nothing to pass through to");
            case IpLiteral ip when isHostLocal(ip.address()) -> new Refused(ResponseFlag.BH, destination
                    + " is a loopback or link-local address and not a service address: refused even under ALLOW_ANY,"
                    + " so a workload never reaches the host's own services through its sidecar");
            case IpLiteral ip -> new PassThrough(new InetSocketAddress(ip.address(), destination.port().value()));
        };
    }

    private static boolean isHostLocal(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress();
    }
}
