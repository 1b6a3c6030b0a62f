package io.tollgate.model.validation;

import io.tollgate.model.security.Source;

import java.util.List;

/** Istio's checks on {@code rules[i].from[j].source}. */
final class SourceRules {
    private static final String SPIFFE = "spiffe://";

    private SourceRules() {
    }

    static void check(Source s, FieldPath at, Findings findings) {
        if (!hasTcpField(s) && s.requestPrincipals().isEmpty() && s.notRequestPrincipals().isEmpty()) {
            findings.error(at, "source must not be empty");
        }
        if (!s.principals().isEmpty() || !s.notPrincipals().isEmpty() || !s.namespaces().isEmpty() || !s.notNamespaces().isEmpty()) {
            if (!s.serviceAccounts().isEmpty() || !s.notServiceAccounts().isEmpty()) {
                findings.error(at, "cannot set serviceAccounts with namespaces or principals");
            }
        }
        PolicyValues.ips(s.ipBlocks(), at.field("ipBlocks"), findings);
        PolicyValues.ips(s.notIpBlocks(), at.field("notIpBlocks"), findings);
        PolicyValues.ips(s.remoteIpBlocks(), at.field("remoteIpBlocks"), findings);
        PolicyValues.ips(s.notRemoteIpBlocks(), at.field("notRemoteIpBlocks"), findings);
        principals(s.principals(), at.field("principals"), findings);
        principals(s.notPrincipals(), at.field("notPrincipals"), findings);
        PolicyValues.nonEmpty(s.requestPrincipals(), at.field("requestPrincipals"), findings);
        PolicyValues.nonEmpty(s.notRequestPrincipals(), at.field("notRequestPrincipals"), findings);
        PolicyValues.nonEmpty(s.namespaces(), at.field("namespaces"), findings);
        PolicyValues.nonEmpty(s.notNamespaces(), at.field("notNamespaces"), findings);
        PolicyValues.serviceAccounts(s.serviceAccounts(), at.field("serviceAccounts"), findings);
        PolicyValues.serviceAccounts(s.notServiceAccounts(), at.field("notServiceAccounts"), findings);
    }

    /** Fields a TCP connection can be matched on (everything but request principals). */
    static boolean hasTcpField(Source s) {
        return !s.principals().isEmpty() || !s.notPrincipals().isEmpty() || !s.namespaces().isEmpty()
                || !s.notNamespaces().isEmpty() || !s.ipBlocks().isEmpty() || !s.notIpBlocks().isEmpty()
                || !s.remoteIpBlocks().isEmpty() || !s.notRemoteIpBlocks().isEmpty()
                || !s.serviceAccounts().isEmpty() || !s.notServiceAccounts().isEmpty();
    }

    private static void principals(List<String> values, FieldPath at, Findings findings) {
        PolicyValues.nonEmpty(values, at, findings);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).startsWith(SPIFFE)) {
                // Istio matches "spiffe://" + value, so a value that repeats the scheme can never match.
                findings.warning(at.index(i), "principal \"" + values.get(i) + "\" includes the spiffe:// scheme, which "
                        + "Istio adds itself: it never matches; write \"" + values.get(i).substring(SPIFFE.length()) + "\"");
            }
        }
    }
}
