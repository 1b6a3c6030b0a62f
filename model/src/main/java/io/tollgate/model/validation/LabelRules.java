package io.tollgate.model.validation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes label syntax, which Istio applies to selectors and subset labels too. */
public final class LabelRules {
    private static final Pattern NAME = Pattern.compile("(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

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
        if (name.length() > 63 || !NAME.matcher(name).matches()) {
            return Optional.of("invalid label key \"" + key + "\": must be at most 63 letters, digits, '-', '_' or '.', "
                    + "starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    public static Optional<String> valueProblem(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 63 || !NAME.matcher(value).matches()) {
            return Optional.of("invalid label value \"" + value + "\": must be empty or at most 63 letters, digits, "
                    + "'-', '_' or '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** Checks every entry of a label map written at {@code path}, reporting each problem at its key. */
    public static void check(Map<String, String> labels, FieldPath path, Findings findings) {
        labels.forEach((k, v) -> {
            keyProblem(k).ifPresent(p -> findings.error(path.field(k), p));
            valueProblem(v).ifPresent(p -> findings.error(path.field(k), p));
        });
    }
}
