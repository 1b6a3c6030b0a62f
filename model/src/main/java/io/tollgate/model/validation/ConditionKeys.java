package io.tollgate.model.validation;

import io.tollgate.model.security.Condition;

import java.util.List;
import java.util.Optional;

/**
 * Istio's {@code ValidateAttribute} for {@code when[].key}, and which keys only exist for HTTP requests (so they
 * cannot be evaluated on a TCP connection).
 */
final class ConditionKeys {
    private ConditionKeys() {
    }

    static void check(Condition condition, FieldPath at, Findings findings) {
        String key = condition.key();
        if (key.isEmpty()) {
            return; // already reported by the reader as a missing required field
        }
        if (condition.values().isEmpty() && condition.notValues().isEmpty()) {
            findings.error(at, "at least one of values or notValues must be set for key " + key);
            return;
        }
        keyProblem(key).ifPresent(p -> findings.error(at.field("key"), p));
        values(key, condition.values(), at.field("values"), findings);
        values(key, condition.notValues(), at.field("notValues"), findings);
    }

    /** Keys of request attributes, which a TCP connection does not have. */
    static boolean httpOnly(String key) {
        return key.startsWith("request.") || key.startsWith("experimental.envoy.filters.");
    }

    private static Optional<String> keyProblem(String key) {
        if (key.startsWith("request.headers") || key.startsWith("request.auth.claims") || key.startsWith("experimental.envoy.filters.")) {
            int open = key.indexOf('[');
            return key.endsWith("]") && open > 0 && open < key.length() - 2 ? Optional.empty()
                    : Optional.of("bad key (" + key + "): should have format a[b]");
        }
        return switch (key) {
            case "source.ip", "remote.ip", "source.namespace", "source.serviceAccount", "source.principal",
                 "source.trustDomain", "request.auth.principal", "request.auth.audiences", "request.auth.presenter",
                 "destination.ip", "destination.port", "connection.sni" -> Optional.empty();
            case "destination.namespace" -> Optional.of("attribute " + key + " is replaced by the metadata.namespace");
            case "destination.name", "destination.user" -> Optional.of("deprecated attribute " + key + ": only supported in v1alpha1");
            default -> key.startsWith("destination.labels")
                    ? Optional.of("attribute " + key + " is replaced by the workload selector")
                    : Optional.of("unknown attribute: " + key);
        };
    }

    private static void values(String key, List<String> values, FieldPath at, Findings findings) {
        PolicyValues.nonEmpty(values, at, findings);
        switch (key) {
            case "source.ip", "remote.ip", "destination.ip" -> PolicyValues.ips(values, at, findings);
            case "destination.port" -> PolicyValues.ports(values, at, findings);
            case "source.serviceAccount" -> PolicyValues.serviceAccounts(values, at, findings);
            case "source.trustDomain" -> {
                for (int i = 0; i < values.size(); i++) {
                    FieldPath v = at.index(i);
                    PolicyValues.wildcardProblem(values.get(i)).ifPresent(p -> findings.error(v, p));
                }
            }
            default -> {
                // Istio checks nothing more for the other keys.
            }
        }
    }
}
