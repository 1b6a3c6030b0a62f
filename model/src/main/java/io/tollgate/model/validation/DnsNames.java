package io.tollgate.model.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DNS name rules as Istio ({@code pkg/config/labels}, {@code validation/agent}) and Kubernetes apply them. Each
 * check returns the problem in Istio's wording, or empty when the name is fine.
 */
public final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?");
    private static final Pattern WILDCARD_LABEL = Pattern.compile("\\*|(?:\\*|\\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?");
    private static final Pattern K8S_LABEL = Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?");
    private static final Pattern K8S_SUBDOMAIN = Pattern.compile(K8S_LABEL.pattern() + "(?:\\." + K8S_LABEL.pattern() + ")*");

    private DnsNames() {
    }

    /** Istio's IsDNS1123Label: letters of either case, digits and inner dashes, at most 63. */
    public static boolean isLabel(String value) {
        return value.length() <= 63 && LABEL.matcher(value).matches();
    }

    /** Kubernetes' DNS-1123 label (namespace names): lower case only. */
    public static boolean isKubernetesLabel(String value) {
        return value.length() <= 63 && K8S_LABEL.matcher(value).matches();
    }

    /** Kubernetes' DNS-1123 subdomain (object names): lower-case labels joined by dots, at most 253. */
    public static boolean isKubernetesSubdomain(String value) {
        return value.length() <= 253 && K8S_SUBDOMAIN.matcher(value).matches();
    }

    /** Istio ValidateFQDN. */
    public static Optional<String> fqdnProblem(String name) {
        return preconditions(name).or(() -> labelsProblem(name));
    }

    /** Istio ValidateWildcardDomain: a FQDN whose first label may be a wildcard. */
    public static Optional<String> wildcardDomainProblem(String domain) {
        Optional<String> pre = preconditions(domain);
        if (pre.isPresent()) {
            return pre;
        }
        int dot = domain.indexOf('.');
        String first = dot < 0 ? domain : domain.substring(0, dot);
        if (first.length() > 63 || !WILDCARD_LABEL.matcher(first).matches()) {
            return Optional.of("domain name \"" + domain + "\" invalid (label \"" + first + "\" invalid)");
        }
        return dot < 0 ? Optional.empty() : labelsProblem(domain.substring(dot + 1))
                .map(p -> p.replace("\"" + domain.substring(dot + 1) + "\"", "\"" + domain + "\""));
    }

    /** Istio ValidatePartialWildCard: {@code *} or {@code *.rest}, never {@code *foo.rest}. */
    public static Optional<String> partialWildcardProblem(String host) {
        if (host.contains("*") && host.length() != 1 && !host.startsWith("*.")) {
            return Optional.of("partial wildcard \"" + host + "\" not allowed");
        }
        return Optional.empty();
    }

    private static Optional<String> preconditions(String name) {
        if (name.length() > 255) {
            return Optional.of("domain name \"" + name + "\" too long (max 255)");
        }
        if (name.isEmpty()) {
            return Optional.of("empty domain name not allowed");
        }
        return Optional.empty();
    }

    /** Istio ValidateDNS1123Labels: every label valid, the top-level one not all digits, a final dot allowed. */
    private static Optional<String> labelsProblem(String domain) {
        String[] parts = domain.split("\\.", -1);
        String top = parts[parts.length - 1];
        if (!top.isEmpty() && top.chars().allMatch(Character::isDigit)) {
            return Optional.of("domain name \"" + domain + "\" invalid (top level domain \"" + top + "\" cannot be all-numeric)");
        }
        for (int i = 0; i < parts.length; i++) {
            if (i == parts.length - 1 && parts[i].isEmpty()) {
                return Optional.empty();
            }
            if (!isLabel(parts[i])) {
                return Optional.of("domain name \"" + domain + "\" invalid (label \"" + parts[i] + "\" invalid)");
            }
        }
        return Optional.empty();
    }
}
