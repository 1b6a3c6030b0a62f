package io.tollgate.model.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Istio's {@code ValidateNamespaceSlashWildcardHostname} for Gateway server hosts: {@code [namespace/]dnsName},
 * where the namespace is {@code *}, {@code .} or a DNS label and the name an FQDN, {@code *}, a {@code *.}-prefixed
 * name, or an IP address.
 */
final class GatewayHosts {
    private GatewayHosts() {
    }

    static List<String> problems(String host) {
        List<String> problems = new ArrayList<>();
        int slash = host.indexOf('/');
        String name = host;
        if (slash >= 0) {
            String namespace = host.substring(0, slash);
            name = host.substring(slash + 1);
            if (namespace.isEmpty() || name.isEmpty()) {
                problems.add("config namespace and dnsName in host entry cannot be empty");
            }
            if (!namespace.equals("*") && !namespace.equals(".") && !DnsNames.isLabel(namespace)) {
                problems.add("invalid namespace value \"" + namespace + "\" in gateway");
            }
        }
        if (!name.equals("*") && !name.contains(".")) {
            problems.add("short names (non FQDN) are not allowed");
        }
        if (DnsNames.wildcardDomainProblem(name).isPresent() && !IpAddresses.isIp(name)) {
            problems.add(DnsNames.wildcardDomainProblem(name).get());
        }
        DnsNames.partialWildcardProblem(name).ifPresent(problems::add);
        return problems;
    }
}
