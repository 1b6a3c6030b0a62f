package io.tollgate.model.validation;

import io.tollgate.model.Hostname;
import io.tollgate.model.networking.VirtualService;

import java.util.List;
import java.util.Optional;

/** Istio's {@code ValidateVirtualService} on the loaded record, for its hosts, gateways, TCP and TLS routes. */
public final class VirtualServiceValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");

    private VirtualServiceValidator() {
    }

    public static void validate(VirtualService vs, Findings findings) {
        if (vs.hosts().isEmpty()) {
            // No hosts: a delegate, which only HTTP routes can be.
            if (!vs.gateways().isEmpty()) {
                findings.error(SPEC.field("gateways"), "delegate virtual service must have no gateways specified");
            }
            if (!vs.tls().isEmpty()) {
                findings.error(SPEC.field("tls"), "delegate virtual service must have no tls route specified");
            }
            if (!vs.tcp().isEmpty()) {
                findings.error(SPEC.field("tcp"), "delegate virtual service must have no tcp route specified");
            }
        }
        GatewayNames.check(vs.gateways(), SPEC.field("gateways"), findings);
        hosts(vs, findings);
        if (vs.http().isEmpty() && vs.tcp().isEmpty() && vs.tls().isEmpty()) {
            findings.error(SPEC, "http, tcp or tls must be provided in virtual service");
        }
        if (!vs.http().isEmpty()) {
            findings.warning(SPEC.field("http"), "Tollgate proxies TCP and TLS only: http routes are accepted but not applied");
        }
        for (int i = 0; i < vs.tls().size(); i++) {
            RouteRules.tls(vs, vs.tls().get(i), SPEC.field("tls").index(i), findings);
        }
        for (int i = 0; i < vs.tcp().size(); i++) {
            RouteRules.tcp(vs.tcp().get(i), SPEC.field("tcp").index(i), findings);
        }
        ExportTo.check(vs.meta().namespace(), vs.exportTo(), ExportTo.Owner.OTHER, SPEC.field("exportTo"), findings);
        UnreachableRoutes.check(vs.tcp().stream().map(r -> r.match().stream().map(m -> (Object) m.key()).toList()).toList(),
                SPEC.field("tcp"), findings);
        UnreachableRoutes.check(vs.tls().stream().map(r -> r.match().stream().map(m -> (Object) m.key()).toList()).toList(),
                SPEC.field("tls"), findings);
    }

    /** A VirtualService bound only to gateways (not to {@code mesh}) follows gateway host rules. */
    static boolean boundToGatewaysOnly(VirtualService vs) {
        return !vs.gateways().isEmpty() && !vs.gateways().contains(VirtualService.MESH_GATEWAY);
    }

    private static void hosts(VirtualService vs, Findings findings) {
        boolean gatewayOnly = boundToGatewaysOnly(vs);
        boolean sni = vs.tls().stream().anyMatch(r -> r.match().stream().anyMatch(m -> !m.sniHosts().isEmpty()));
        boolean allValid = true;
        for (int i = 0; i < vs.hosts().size(); i++) {
            String host = vs.hosts().get(i);
            Optional<String> problem = gatewayOnly ? gatewayBoundHostProblem(sni, host) : DnsNames.wildcardDomainProblem(host);
            if (problem.isPresent()) {
                if (!IpAddresses.isIp(host)) {
                    findings.error(SPEC.field("hosts").index(i), problem.get());
                    allValid = false;
                }
            } else if (!gatewayOnly && host.equals("*")) {
                findings.error(SPEC.field("hosts").index(i), "wildcard host * is not allowed for virtual services bound to the mesh gateway");
                allValid = false;
            }
        }
        if (!allValid) {
            return;
        }
        List<String> hosts = vs.hosts();
        for (int i = 0; i < hosts.size(); i++) {
            for (int j = i + 1; j < hosts.size(); j++) {
                if (new Hostname(hosts.get(i)).matches(new Hostname(hosts.get(j)))) {
                    findings.error(SPEC.field("hosts").index(j), "duplicate hosts in virtual service: " + hosts.get(i) + " & " + hosts.get(j));
                }
            }
        }
    }

    /**
     * Istio's ValidateWildcardDomainForVirtualServiceBoundToGateway: with SNI matching, the names Istio generates
     * for AUTO_PASSTHROUGH ({@code outbound_.PORT_._.HOST}) are allowed too.
     */
    static Optional<String> gatewayBoundHostProblem(boolean sni, String domain) {
        if (sni && domain.startsWith("outbound_")) {
            String[] parts = domain.split("_", -1);
            if (parts.length < 4) {
                return Optional.of("domain name " + domain + " invalid, should follow 'outbound_.<port>_._.<hostname>' format");
            }
            String port = trimDots(parts[1]);
            String host = trimDots(parts[3]);
            if (!parts[0].equals("outbound")) {
                return Optional.of("domain name \"" + domain + "\" invalid (label \"" + parts[0] + "\" invalid)");
            }
            if (!port.matches(".*[0-9].*")) {
                return Optional.of("domain name \"" + domain + "\" invalid (label \"" + port + "\" invalid)");
            }
            if (!host.matches(".*[a-zA-Z].*")) {
                return Optional.of("domain name \"" + domain + "\" invalid (label \"" + host + "\" invalid)");
            }
            return Optional.empty();
        }
        return DnsNames.wildcardDomainProblem(domain);
    }

    private static String trimDots(String s) {
        return s.replaceAll("^\\.+|\\.+$", "");
    }
}
