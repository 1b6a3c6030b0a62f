package io.tollgate.model.validation;

import java.util.Map;

/** Istio's {@code validateWorkloadSelector}: no empty keys, no wildcards; no labels at all selects everything. */
final class SelectorRules {
    private SelectorRules() {
    }

    /** @param emptyMeaning what an empty selector does, for the warning */
    static void check(Map<String, String> labels, FieldPath path, Findings findings, String emptyMeaning) {
        labels.forEach((k, v) -> {
            FieldPath at = path.field(k);
            if (k.isEmpty()) {
                findings.error(at, "empty key is not supported in selector: \"=" + v + "\"");
            }
            if (k.contains("*") || v.contains("*")) {
                findings.error(at, "wildcard is not supported in selector: \"" + k + "=" + v + "\"");
            }
        });
        if (labels.isEmpty()) {
            findings.warning(path, "workload selector specified without labels: " + emptyMeaning);
        }
    }
}
