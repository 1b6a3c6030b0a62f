package io.tollgate.model.validation;

import io.tollgate.model.Hostname;
import io.tollgate.model.networking.Destination;
import io.tollgate.model.networking.L4Match;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.TcpRoute;
import io.tollgate.model.networking.TlsMatch;
import io.tollgate.model.networking.TlsRoute;
import io.tollgate.model.networking.VirtualService;

import java.util.List;
import java.util.Optional;

/** Istio's {@code validateTCPRoute}, {@code validateTLSRoute} and {@code validateRouteDestinations}. */
final class RouteRules {
    private RouteRules() {
    }

    static void tcp(TcpRoute route, FieldPath at, Findings findings) {
        for (int i = 0; i < route.match().size(); i++) {
            L4Match match = route.match().get(i);
            FieldPath m = at.field("match").index(i);
            subnets(match.destinationSubnets(), m.field("destinationSubnets"), findings);
            LabelRules.check(match.sourceLabels(), m.field("sourceLabels"), findings);
            GatewayNames.check(match.gateways(), m.field("gateways"), findings);
        }
        if (route.route().isEmpty()) {
            findings.error(at.field("route"), "TCP route is required");
        }
        destinations(route.route(), at.field("route"), findings);
    }

    static void tls(VirtualService vs, TlsRoute route, FieldPath at, Findings findings) {
        if (route.match().isEmpty()) {
            findings.error(at.field("match"), "TLS route must have at least one match condition");
        }
        for (int i = 0; i < route.match().size(); i++) {
            TlsMatch match = route.match().get(i);
            FieldPath m = at.field("match").index(i);
            if (match.sniHosts().isEmpty()) {
                findings.error(m.field("sniHosts"), "TLS match must have at least one SNI host");
            }
            for (int h = 0; h < match.sniHosts().size(); h++) {
                sniHost(vs, match.sniHosts().get(h), m.field("sniHosts").index(h), findings);
            }
            subnets(match.destinationSubnets(), m.field("destinationSubnets"), findings);
            LabelRules.check(match.sourceLabels(), m.field("sourceLabels"), findings);
            GatewayNames.check(match.gateways(), m.field("gateways"), findings);
        }
        if (route.route().isEmpty()) {
            findings.error(at.field("route"), "TLS route is required");
        }
        destinations(route.route(), at.field("route"), findings);
    }

    private static void sniHost(VirtualService vs, String sni, FieldPath at, Findings findings) {
        Optional<String> problem = VirtualServiceValidator.boundToGatewaysOnly(vs)
                ? VirtualServiceValidator.gatewayBoundHostProblem(true, sni) : DnsNames.wildcardDomainProblem(sni);
        if (problem.isPresent()) {
            if (IpAddresses.isIp(sni)) {
                findings.warning(at, "using an IP address (\"" + sni + "\") goes against SNI spec and most clients do not support this");
            } else {
                findings.error(at, problem.get());
            }
            return;
        }
        Hostname name = new Hostname(sni);
        if (vs.hosts().stream().noneMatch(h -> name.subsetOf(new Hostname(h)))) {
            findings.error(at, "SNI host \"" + sni + "\" is not a compatible subset of any of the virtual service hosts: ["
                    + String.join(", ", vs.hosts()) + "]");
        }
    }

    private static void subnets(List<String> subnets, FieldPath at, Findings findings) {
        for (int i = 0; i < subnets.size(); i++) {
            if (!IpAddresses.isIpOrCidr(subnets.get(i))) {
                findings.error(at.index(i), subnets.get(i) + " is not a valid IP address or CIDR block");
            }
        }
    }

    private static void destinations(List<RouteDestination> route, FieldPath at, Findings findings) {
        long total = 0;
        for (int i = 0; i < route.size(); i++) {
            RouteDestination weighted = route.get(i);
            FieldPath d = at.index(i);
            Destination destination = weighted.destination();
            FieldPath host = d.field("destination").field("host");
            if (destination.host().equals("*")) {
                findings.error(host, "invalid destination host *");
            } else if (!destination.host().isEmpty()) {
                DnsNames.wildcardDomainProblem(destination.host()).ifPresent(p -> findings.error(host, p));
            }
            destination.subset().ifPresent(subset -> {
                // An empty subset means "no subset", as in Istio.
                if (!subset.isEmpty() && !DnsNames.isLabel(subset)) {
                    findings.error(d.field("destination").field("subset"), "subset name is invalid: " + subset);
                }
            });
            if (weighted.weight() < 0) {
                findings.error(d.field("weight"), "weight " + weighted.weight() + " < 0");
            }
            total += weighted.weight();
        }
        if (route.size() > 1 && total == 0) {
            findings.error(at, "total destination weight = 0");
        }
    }
}
