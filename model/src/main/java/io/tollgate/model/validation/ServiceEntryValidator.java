package io.tollgate.model.validation;

import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.Protocol;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.ServiceEntry.Resolution;
import io.tollgate.model.networking.WorkloadEntry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Istio's {@code ValidateServiceEntry} and the CRD's rules for it, on the loaded record. */
public final class ServiceEntryValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");
    /** Istio allocates addresses itself unless told not to by this label (PILOT_ENABLE_IP_AUTOALLOCATE is on by default). */
    private static final String AUTOALLOCATE_LABEL = "networking.istio.io/enable-autoallocate-ip";

    private ServiceEntryValidator() {
    }

    public static void validate(ServiceEntry se, Findings findings) {
        se.workloadSelector().ifPresent(s -> SelectorRules.check(s.matchLabels(),
                SPEC.field("workloadSelector").field("labels"), findings,
                "the service entry applies to every workload in its namespace"));
        if (se.workloadSelector().isPresent() && !se.endpoints().isEmpty()) {
            findings.error(SPEC.field("endpoints"), "only one of workloadSelector or endpoints is allowed in a service entry");
        }
        hosts(se, findings);
        boolean cidr = false;
        for (int i = 0; i < se.addresses().size(); i++) {
            String address = se.addresses().get(i);
            cidr |= address.contains("/");
            if (!IpAddresses.isIpOrCidr(address)) {
                findings.error(SPEC.field("addresses").index(i), address + " is not a valid IP address or CIDR block");
            }
        }
        if (cidr && se.resolution() != Resolution.NONE && se.resolution() != Resolution.STATIC) {
            findings.error(SPEC.field("addresses"), "CIDR addresses are allowed only for NONE/STATIC resolution types");
        }
        Set<String> portNames = ports(se, findings);
        resolution(se, portNames, findings);
        if (se.resolution() != Resolution.NONE && se.hosts().size() > 1
                && se.ports().stream().anyMatch(p -> p.protocol().map(pr -> !pr.isHttp() && !pr.isTls()).orElse(true))) {
            findings.error(SPEC.field("hosts"), "multiple hosts provided with non-HTTP, non-TLS ports: a TCP proxy cannot "
                    + "tell the hosts apart unless resolution is NONE");
        }
        ExportTo.check(se.meta().namespace(), se.exportTo(), ExportTo.Owner.SERVICE_ENTRY, SPEC.field("exportTo"), findings);
    }

    private static void hosts(ServiceEntry se, Findings findings) {
        if (se.hosts().isEmpty()) {
            findings.error(SPEC.field("hosts"), "service entry must have at least one host");
        }
        for (int i = 0; i < se.hosts().size(); i++) {
            String host = se.hosts().get(i);
            FieldPath at = SPEC.field("hosts").index(i);
            if (host.equals("*")) {
                findings.error(at, "invalid host *: a service entry cannot take every host");
                continue;
            }
            DnsNames.wildcardDomainProblem(host).ifPresent(p -> findings.error(at, p));
            if (se.resolution() != Resolution.DYNAMIC_DNS) {
                DnsNames.partialWildcardProblem(host).ifPresent(p -> findings.warning(at, p));
            }
        }
    }

    private static Set<String> ports(ServiceEntry se, Findings findings) {
        Set<String> names = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        boolean autoAllocate = se.resolution() != Resolution.NONE
                && !"false".equalsIgnoreCase(se.meta().labels().getOrDefault(AUTOALLOCATE_LABEL, "true"));
        for (int i = 0; i < se.ports().size(); i++) {
            Port port = se.ports().get(i);
            FieldPath at = SPEC.field("ports").index(i);
            if (!port.name().isEmpty() && !names.add(port.name())) {
                findings.error(at.field("name"), "service entry port name \"" + port.name() + "\" already defined");
            }
            if (port.number() != 0 && !numbers.add(port.number())) {
                findings.error(at.field("number"), "service entry port " + port.number() + " already defined");
            }
            if (!port.name().isEmpty() && !DnsNames.isLabel(port.name())) {
                findings.error(at.field("name"), "invalid port name: " + port.name());
            }
            if (se.addresses().isEmpty() && !autoAllocate && port.protocol().map(p -> p == Protocol.TCP).orElse(true)) {
                findings.warning(at, "addresses are required for ports serving TCP (or unset) protocol when IP "
                        + "autoallocation is not enabled");
            }
            PortNaming.check(port, at, findings);
        }
        return names;
    }

    private static void resolution(ServiceEntry se, Set<String> portNames, Findings findings) {
        List<WorkloadEntry> endpoints = se.endpoints();
        switch (se.resolution()) {
            case NONE -> {
                if (!endpoints.isEmpty()) {
                    findings.error(SPEC.field("endpoints"), "no endpoints should be provided for resolution type NONE");
                }
                if (se.workloadSelector().isPresent()) {
                    findings.warning(SPEC.field("workloadSelector"), "workloadSelector should not be set when resolution mode is NONE");
                }
            }
            case STATIC -> EndpointRules.check(endpoints, portNames, EndpointRules.Addresses.IP_ONLY, findings);
            case DNS, DNS_ROUND_ROBIN -> {
                if (endpoints.isEmpty()) {
                    for (int i = 0; i < se.hosts().size(); i++) {
                        var problem = DnsNames.fqdnProblem(se.hosts().get(i));
                        if (problem.isPresent()) {
                            findings.error(SPEC.field("hosts").index(i), "hosts must be FQDN or contain only prefix "
                                    + "wildcards if no endpoints are provided for resolution mode " + se.resolution()
                                    + ", " + problem.get());
                            break;
                        }
                    }
                }
                if (se.resolution() == Resolution.DNS_ROUND_ROBIN && endpoints.size() > 1) {
                    findings.error(SPEC.field("endpoints"), "there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN");
                }
                EndpointRules.check(endpoints, portNames, EndpointRules.Addresses.IP_OR_FQDN, findings);
                if (!se.addresses().isEmpty() && se.hosts().size() > 1
                        && se.ports().stream().anyMatch(p -> p.protocol().map(Protocol::isTcp).orElse(false))) {
                    findings.warning(SPEC.field("hosts"), "service entry can not have more than one host specified "
                            + "simultaneously with address and tcp port");
                }
            }
            case DYNAMIC_DNS -> dynamicDns(se, findings);
        }
    }

    private static void dynamicDns(ServiceEntry se, Findings findings) {
        for (int i = 0; i < se.hosts().size(); i++) {
            if (!se.hosts().get(i).startsWith("*")) {
                findings.error(SPEC.field("hosts").index(i), "host must be wildcarded for resolution mode DYNAMIC_DNS");
            }
        }
        if (!se.addresses().isEmpty()) {
            findings.error(SPEC.field("addresses"), "addresses cannot be set for resolution type DYNAMIC_DNS");
        }
        if (!se.endpoints().isEmpty()) {
            findings.error(SPEC.field("endpoints"), "endpoints cannot be set for resolution type DYNAMIC_DNS");
        }
        for (int i = 0; i < se.ports().size(); i++) {
            Protocol p = se.ports().get(i).protocol().orElse(null);
            if (p != Protocol.HTTP && p != Protocol.TLS && p != Protocol.GRPC && p != Protocol.HTTP2) {
                findings.error(SPEC.field("ports").index(i).field("protocol"),
                        "only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type DYNAMIC_DNS");
            }
        }
    }
}
