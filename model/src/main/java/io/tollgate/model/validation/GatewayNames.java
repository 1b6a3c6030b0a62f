package io.tollgate.model.validation;

import java.util.List;

/**
 * Istio's {@code validateGatewayNames}: {@code mesh}, {@code namespace/name}, or a bare name (in the
 * VirtualService's namespace). The legacy {@code name.namespace} form is admitted with a warning.
 */
final class GatewayNames {
    private GatewayNames() {
    }

    static void check(List<String> names, FieldPath path, Findings findings) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            FieldPath at = path.index(i);
            int slash = name.indexOf('/');
            if (slash < 0) {
                if (name.contains(".")) {
                    String[] parts = name.split("\\.", -1);
                    findings.warning(at, "using legacy gatewayName format \"" + name + "\"; prefer the <namespace>/<name> "
                            + "format: \"" + parts[1] + "/" + parts[0] + "\"");
                }
                DnsNames.fqdnProblem(name).ifPresent(p -> findings.error(at, p));
                continue;
            }
            String namespace = name.substring(0, slash);
            String gateway = name.substring(slash + 1);
            if (namespace.isEmpty() || gateway.isEmpty()) {
                findings.error(at, "config namespace and gateway name cannot be empty");
            }
            if (!DnsNames.isLabel(namespace)) {
                findings.error(at, "invalid value for namespace: \"" + namespace + "\"");
            }
            if (!DnsNames.isLabel(gateway)) {
                findings.error(at, "invalid value for gateway name: \"" + gateway + "\"");
            }
        }
    }
}
