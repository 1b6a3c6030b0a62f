package io.tollgate.model.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Istio's {@code validateExportTo}: entries are {@code .} (this namespace), {@code *} (everyone), a namespace name,
 * or for a ServiceEntry only, {@code ~} (no one).
 */
final class ExportTo {
    /** Whether {@code ~} is allowed. */
    enum Owner { SERVICE_ENTRY, OTHER, DESTINATION_RULE_WITH_SELECTOR }

    private ExportTo() {
    }

    static void check(String namespace, List<String> exportTo, Owner owner, FieldPath path, Findings findings) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < exportTo.size(); i++) {
            String entry = exportTo.get(i);
            String key = entry.equals(".") ? namespace : entry;
            FieldPath at = path.index(i);
            if (!seen.add(key)) {
                findings.error(at, key.equals(entry) ? "duplicate entries in exportTo for entry " + entry
                        : "duplicate entries in exportTo: . and current namespace " + namespace);
                continue;
            }
            if (entry.equals("~")) {
                if (owner != Owner.SERVICE_ENTRY) {
                    findings.error(at, "exportTo ~ (none) is not allowed for Istio configuration objects");
                }
            } else if (!entry.equals("*") && !entry.equals(".") && !DnsNames.isLabel(entry)) {
                findings.error(at, "only ., *, or a valid DNS 1123 label is allowed as exportTo entry");
            }
        }
        if (owner == Owner.DESTINATION_RULE_WITH_SELECTOR && !seen.isEmpty()) {
            if (!seen.contains(namespace)) {
                findings.error(path, "destination rule with workload selector cannot have exportTo beyond current namespace");
            } else if (seen.size() > 1) {
                findings.error(path, "destination rule with workload selector cannot have multiple entries in exportTo");
            }
        }
        if (seen.contains("*") && exportTo.size() > 1) {
            findings.error(path, "cannot have both public (*) and non-public exportTo values for a resource");
        }
        if (seen.contains("~") && exportTo.size() > 1) {
            findings.error(path, "cannot export service entry to no one (~) and someone");
        }
    }
}
