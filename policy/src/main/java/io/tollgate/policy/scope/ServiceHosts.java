package io.tollgate.policy.scope;

import java.util.Locale;
import java.util.Optional;

/**
 * Host names as Istio reads them in routing resources: a short name is a Kubernetes service in the namespace of
 * the resource that wrote it ({@code reviews} in {@code shop} is {@code reviews.shop.svc.cluster.local}).
 */
public final class ServiceHosts {
    /** Istio's default {@code domainSuffix}; Tollgate does not make it configurable. */
    public static final String DOMAIN_SUFFIX = "svc.cluster.local";

    private ServiceHosts() {
    }

    /** Istio's {@code ResolveShortnameToFQDN}, in lower case (DNS names compare case-insensitively). */
    public static String fqdn(String host, String namespace) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.contains(".") || lower.contains("*")) {
            return lower;
        }
        return lower + "." + namespace + "." + DOMAIN_SUFFIX;
    }

    /** The namespace of a Kubernetes service name ({@code name.ns.svc.cluster.local}); empty for anything else. */
    public static Optional<String> serviceNamespace(String fqdn) {
        String suffix = "." + DOMAIN_SUFFIX;
        if (!fqdn.endsWith(suffix)) {
            return Optional.empty();
        }
        String[] labels = fqdn.substring(0, fqdn.length() - suffix.length()).split("\\.", -1);
        return labels.length == 2 ? Optional.of(labels[1]) : Optional.empty();
    }

    /** True when {@code host} (no wildcard) is covered by {@code pattern} (exact, {@code *.suffix}, or {@code *}). */
    public static boolean covers(String pattern, String host) {
        return new io.tollgate.model.Hostname(host).subsetOf(new io.tollgate.model.Hostname(pattern));
    }

    /** True when the two names, either possibly wildcarded, have a name in common. */
    public static boolean overlap(String a, String b) {
        return new io.tollgate.model.Hostname(a).matches(new io.tollgate.model.Hostname(b));
    }
}
