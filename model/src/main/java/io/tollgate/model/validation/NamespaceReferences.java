package io.tollgate.model.validation;

import io.tollgate.model.Resource;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.Rule;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Warns when an AuthorizationPolicy names a source namespace that nothing loaded knows of: the seed's DENY on
 * {@code demo-frontend}, which blocks nobody. Only when the user loaded Namespace resources, which says they meant
 * to describe their namespaces; a namespace is known if declared, if a loaded resource lives in it, or if it is the
 * mesh's root namespace ({@link CrossReferenceIndex} keeps which are, and asks only while a Namespace is loaded).
 */
final class NamespaceReferences {
    private NamespaceReferences() {
    }

    static void check(AuthorizationPolicy policy, Predicate<String> known, Function<Resource, Findings> findingsOf) {
        Supplier<Findings> findings = () -> findingsOf.apply(policy);
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule rule = policy.rules().get(i);
            for (int j = 0; j < rule.from().size(); j++) {
                FieldPath source = FieldPath.of("spec").field("rules").index(i).field("from").index(j).field("source");
                unknown(rule.from().get(j).namespaces(), source.field("namespaces"), known, findings);
                unknown(rule.from().get(j).notNamespaces(), source.field("notNamespaces"), known, findings);
            }
        }
    }

    /** @param findings asked for only when there is something to say: the loader copies a resource's findings then */
    private static void unknown(List<String> namespaces, FieldPath at, Predicate<String> known, Supplier<Findings> findings) {
        for (int k = 0; k < namespaces.size(); k++) {
            String ns = namespaces.get(k);
            if (!ns.contains("*") && !known.test(ns)) {
                findings.get().warning(at.index(k), "namespace " + ns + " is not a loaded Namespace and no loaded resource "
                        + "lives in it, so this matches no workload that Tollgate knows of");
            }
        }
    }
}
