package io.tollgate.model.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Istio's {@code analyzeUnreachableTCPRules}/{@code TLSRules}: routes are tried in order, so a route after one
 * without matches, or whose every match repeats an earlier one, is never used. Admitted with a warning.
 */
final class UnreachableRoutes {
    private UnreachableRoutes() {
    }

    /** @param routes for each route, the keys of its matches (equal keys match the same connections) */
    static void check(List<List<Object>> routes, FieldPath path, Findings findings) {
        Map<Object, Integer> seen = new HashMap<>();
        int catchAll = -1;
        for (int r = 0; r < routes.size(); r++) {
            List<Object> matches = routes.get(r);
            FieldPath at = path.index(r);
            if (matches.isEmpty()) {
                if (catchAll >= 0) {
                    findings.warning(at, "virtualService rule #" + r + " not used (only the last rule can have no matches)");
                }
                catchAll = r;
                continue;
            }
            int duplicates = 0;
            for (int m = 0; m < matches.size(); m++) {
                if (catchAll >= 0) {
                    findings.warning(at, "virtualService rule #" + r + " not used (route without matches defined before)");
                    continue;
                }
                Integer earlier = seen.putIfAbsent(matches.get(m), r);
                if (earlier != null) {
                    findings.warning(at.field("match").index(m), "virtualService rule #" + r + " match #" + m
                            + " is not used (duplicate/overlapping match in rule #" + earlier + ")");
                    duplicates++;
                }
            }
            if (duplicates == matches.size()) {
                findings.warning(at, "virtualService rule #" + r + " not used (all matches used by prior rules)");
            }
        }
    }
}
