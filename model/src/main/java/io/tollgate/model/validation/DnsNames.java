package io.tollgate.model.validation;

import java.util.Optional;

/**
 * DNS name rules as Istio ({@code pkg/config/labels}, {@code validation/agent}) and Kubernetes apply them. Each
 * check returns the problem in Istio's wording, or empty when the name is fine.
 */
public final class DnsNames {
    // The label rules are matched by hand, not by regular expression: they run for every name, namespace and host
    // of every resource loaded, and the regex engine was a visible part of a cold control plane's load.

    /** Which letters a label may hold: Istio's labels take either case, Kubernetes' only lower case. */
    private enum Letters { ANY_CASE, LOWER_CASE }

    private DnsNames() {
    }

    /** Istio's IsDNS1123Label: letters of either case, digits and inner dashes, at most 63. */
    public static boolean isLabel(String value) {
        return value.length() <= 63 && isLabel(value, 0, value.length(), Letters.ANY_CASE);
    }

    /** Kubernetes' DNS-1123 label (namespace names): lower case only. */
    public static boolean isKubernetesLabel(String value) {
        return value.length() <= 63 && isLabel(value, 0, value.length(), Letters.LOWER_CASE);
    }

    /** Kubernetes' DNS-1123 subdomain (object names): lower-case labels joined by dots, at most 253. */
    public static boolean isKubernetesSubdomain(String value) {
        if (value.length() > 253) {
            return false;
        }
        int from = 0;
        while (true) {
            int dot = value.indexOf('.', from);
            int to = dot < 0 ? value.length() : dot;
            if (!isLabel(value, from, to, Letters.LOWER_CASE)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            from = dot + 1;
        }
    }

    /** {@code [a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?} (or its lower-case form) on {@code value[from, to)}. */
    private static boolean isLabel(String value, int from, int to, Letters letters) {
        if (from >= to || !isAlphanumeric(value.charAt(from), letters) || !isAlphanumeric(value.charAt(to - 1), letters)) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (c != '-' && !isAlphanumeric(c, letters)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c, Letters letters) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (letters == Letters.ANY_CASE && c >= 'A' && c <= 'Z');
    }

    /** {@code \*|(?:\*|\*-)?} then a label of either case: a first label that may be a wildcard. */
    private static boolean isWildcardLabel(String value) {
        int length = value.length();
        if (value.equals("*") || isLabel(value, 0, length, Letters.ANY_CASE)) {
            return true;
        }
        return value.startsWith("*") && (isLabel(value, 1, length, Letters.ANY_CASE)
                || value.startsWith("*-") && isLabel(value, 2, length, Letters.ANY_CASE));
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
        if (first.length() > 63 || !isWildcardLabel(first)) {
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

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Istio ValidateDNS1123Labels: every label valid, the top-level one not all digits, a final dot allowed. */
    private static Optional<String> labelsProblem(String domain) {
        // Label by label in place (no split into strings): this runs for every host of every resource loaded.
        String top = domain.substring(domain.lastIndexOf('.') + 1);
        if (!top.isEmpty() && allDigits(top)) {
            return Optional.of("domain name \"" + domain + "\" invalid (top level domain \"" + top + "\" cannot be all-numeric)");
        }
        int from = 0;
        while (true) {
            int dot = domain.indexOf('.', from);
            int to = dot < 0 ? domain.length() : dot;
            if (dot < 0 && from == to) {
                return Optional.empty(); // a final dot: the name is fully qualified
            }
            if (to - from > 63 || !isLabel(domain, from, to, Letters.ANY_CASE)) {
                return Optional.of("domain name \"" + domain + "\" invalid (label \"" + domain.substring(from, to) + "\" invalid)");
            }
            if (dot < 0) {
                return Optional.empty();
            }
            from = dot + 1;
        }
    }
}
