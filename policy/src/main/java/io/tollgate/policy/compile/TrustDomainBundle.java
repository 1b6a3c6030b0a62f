package io.tollgate.policy.compile;

import io.tollgate.model.mesh.MeshConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The mesh trust domain and its aliases, and how they rewrite policy values before matching, as Istio's
 * {@code pilot/pkg/security/trustdomain/bundle.go} does (applied by {@code Model.MigrateTrustDomain}).
 *
 * <p>A principal {@code TD/ns/NS/sa/SA} (exactly five {@code /}-separated parts) whose TD is the mesh trust domain,
 * one of its aliases (compared allowing a {@code *} prefix or suffix on either side), or {@code cluster.local}, is
 * replaced by one principal per trust domain of the bundle, so it matches a peer of any of them. Any other
 * principal, and one whose TD is exactly {@code *}, is kept as written.
 */
final class TrustDomainBundle {
    private static final String CLUSTER_LOCAL = "cluster.local";

    /** The mesh trust domain first, then its aliases. */
    private final List<String> trustDomains;

    TrustDomainBundle(MeshConfig mesh) {
        List<String> domains = new ArrayList<>();
        domains.add(mesh.trustDomain());
        domains.addAll(mesh.trustDomainAliases());
        this.trustDomains = List.copyOf(domains);
    }

    /** Istio {@code ReplaceTrustDomainAliases}, for {@code principals}, {@code notPrincipals}, {@code source.principal}. */
    List<String> replaceAliases(List<String> principals) {
        List<String> result = new ArrayList<>();
        for (String principal : principals) {
            String[] parts = principal.split("/", -1);
            if (parts.length != 5 || parts[0].equals("*")) {
                result.add(principal);
                continue;
            }
            String fromPolicy = parts[0];
            if (!matchesAny(fromPolicy) && !fromPolicy.equals(CLUSTER_LOCAL)) {
                result.add(principal);
                continue;
            }
            LinkedHashSet<String> perDomain = new LinkedHashSet<>();
            for (String domain : trustDomains) {
                // A policy trust domain like "*local" that already covers this domain is kept as written.
                perDomain.add(suffixMatch(domain, fromPolicy) ? principal
                        : domain + principal.substring(fromPolicy.length()));
            }
            result.addAll(perDomain);
        }
        return result;
    }

    /** Istio {@code ExpandTrustDomainAliases}, for {@code source.trustDomain}: a known domain stands for all of them. */
    List<String> expandAliases(List<String> values) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String value : values) {
            if (trustDomains.contains(value)) {
                result.addAll(trustDomains);
            } else {
                result.add(value);
            }
        }
        return List.copyOf(result);
    }

    // Istio trustdomain.stringMatch: exact, "*", or a prefix/suffix pattern on either side.
    private boolean matchesAny(String domain) {
        for (String known : trustDomains) {
            if (domain.equals(known) || known.equals("*") || prefixMatch(domain, known) || prefixMatch(known, domain)
                    || suffixMatch(domain, known) || suffixMatch(known, domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixMatch(String value, String pattern) {
        return pattern.endsWith("*") && value.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    private static boolean suffixMatch(String value, String pattern) {
        return pattern.startsWith("*") && value.endsWith(pattern.substring(1));
    }
}
