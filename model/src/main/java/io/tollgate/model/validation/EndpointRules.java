package io.tollgate.model.validation;

import io.tollgate.model.networking.WorkloadEntry;

import java.util.List;
import java.util.Set;

/** Istio's {@code validateWorkloadEntry} for the endpoints of a ServiceEntry. */
final class EndpointRules {
    private static final FieldPath ENDPOINTS = FieldPath.of("spec").field("endpoints");
    private static final String UNIX = "unix://";

    /** STATIC resolution needs IP addresses; DNS resolution also takes host names. */
    enum Addresses { IP_ONLY, IP_OR_FQDN }

    private EndpointRules() {
    }

    static void check(List<WorkloadEntry> endpoints, Set<String> servicePorts, Addresses allowed, Findings findings) {
        for (int i = 0; i < endpoints.size(); i++) {
            WorkloadEntry e = endpoints.get(i);
            FieldPath at = ENDPOINTS.index(i);
            String address = e.address();
            if (address.isEmpty()) {
                if (e.network().isEmpty()) {
                    findings.error(at, "address is required");
                } else {
                    findings.warning(at, "address is unset with network \"" + e.network().get() + "\"");
                }
            } else if (address.startsWith(UNIX) && allowed == Addresses.IP_ONLY) {
                String path = address.substring(UNIX.length());
                if (path.isEmpty() || !(path.startsWith("/") || path.startsWith("@")) || path.endsWith("/")) {
                    findings.error(at.field("address"), path + " is not an absolute path to a file");
                }
                if (!e.ports().isEmpty()) {
                    findings.error(at.field("ports"), "unix endpoint " + address + " must not include ports");
                }
                if (servicePorts.size() != 1) {
                    findings.error(at, "exactly 1 service port required for unix endpoints");
                }
            } else if (!IpAddresses.isIp(address)) {
                if (allowed == Addresses.IP_ONLY) {
                    findings.error(at.field("address"), "endpoint address \"" + address + "\" is not a valid IP address");
                } else if (DnsNames.fqdnProblem(address).isPresent()) {
                    findings.error(at.field("address"), "endpoint address \"" + address + "\" is not a valid FQDN or an IP address");
                }
            }
            e.ports().forEach((name, number) -> {
                if (!servicePorts.contains(name)) {
                    findings.error(at.field("ports").field(name), "endpoint port " + number + " is not defined by the "
                            + "service entry (no port named \"" + name + "\" in spec.ports)");
                }
                if (!DnsNames.isLabel(name)) {
                    findings.error(at.field("ports").field(name), "invalid port name: " + name);
                }
            });
            LabelRules.check(e.labels(), at.field("labels"), findings);
        }
    }
}
