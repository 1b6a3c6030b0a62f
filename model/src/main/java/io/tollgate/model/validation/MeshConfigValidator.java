package io.tollgate.model.validation;

import io.tollgate.model.mesh.MeshConfig;

import java.util.Optional;

/** Istio's {@code validateTrustDomainConfig}, and the root namespace as a namespace name. */
public final class MeshConfigValidator {
    private MeshConfigValidator() {
    }

    public static void validate(MeshConfig mesh, Findings findings) {
        if (!DnsNames.isKubernetesLabel(mesh.rootNamespace())) {
            findings.error(FieldPath.of("rootNamespace"), "invalid namespace \"" + mesh.rootNamespace()
                    + "\": must be a lower-case DNS label");
        }
        trustDomainProblem(mesh.trustDomain()).ifPresent(p -> findings.error(FieldPath.of("trustDomain"), p));
        for (int i = 0; i < mesh.trustDomainAliases().size(); i++) {
            FieldPath at = FieldPath.of("trustDomainAliases").index(i);
            trustDomainProblem(mesh.trustDomainAliases().get(i)).ifPresent(p -> findings.error(at, p));
        }
    }

    /** Istio ValidateTrustDomain: DNS labels joined by dots, a final dot allowed. */
    static Optional<String> trustDomainProblem(String domain) {
        if (domain.isEmpty()) {
            return Optional.of("empty domain name not allowed");
        }
        String[] labels = domain.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            if (i == labels.length - 1 && labels[i].isEmpty()) {
                break;
            }
            if (!DnsNames.isLabel(labels[i])) {
                return Optional.of("trust domain name \"" + domain + "\" invalid");
            }
        }
        return Optional.empty();
    }
}
