package io.tollgate.model.validation;

import java.util.Map;
import java.util.Optional;

/** Kubernetes label syntax, which Istio applies to selectors and subset labels too. */
public final class LabelRules {

    private LabelRules() {
    }

    /** A key is {@code [prefix/]name}: prefix a DNS subdomain of at most 253, name a qualified name of at most 63. */
    public static Optional<String> keyProblem(String key) {
        int slash = key.lastIndexOf('/');
        String prefix = slash < 0 ? "" : key.substring(0, slash);
        String name = key.substring(slash + 1);
        if (slash >= 0 && (prefix.isEmpty() || prefix.length() > 253 || !DnsNames.isKubernetesSubdomain(prefix))) {
            return Optional.of("invalid label key \"" + key + "\": the prefix must be a lower-case DNS subdomain");
        }
        if (name.length() > 63 || !isName(name)) {
            return Optional.of("invalid label key \"" + key + "\": must be at most 63 letters, digits, '-', '_' or '.', "
                    + "starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    public static Optional<String> valueProblem(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 63 || !isName(value)) {
            return Optional.of("invalid label value \"" + value + "\": must be empty or at most 63 letters, digits, "
                    + "'-', '_' or '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /**
     * {@code (?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}, by hand: it runs for every label of every resource loaded,
     * where the regex engine was a visible part of a cold control plane's load.
     */
    private static boolean isName(String value) {
        int last = value.length() - 1;
        if (last < 0 || !isAlphanumeric(value.charAt(0)) || !isAlphanumeric(value.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = value.charAt(i);
            if (!(isAlphanumeric(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Checks every entry of a label map written at {@code path}, reporting each problem at its key. */
    public static void check(Map<String, String> labels, FieldPath path, Findings findings) {
        labels.forEach((k, v) -> {
            keyProblem(k).ifPresent(p -> findings.error(path.field(k), p));
            valueProblem(v).ifPresent(p -> findings.error(path.field(k), p));
        });
    }
}
