package io.tollgate.model.validation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Istio's checks on the values of an AuthorizationPolicy ({@code pkg/config/security}): each returns the problem
 * with one value, or empty. Paths point at the offending list entry.
 */
final class PolicyValues {
    private static final Pattern PATH_LITERAL = Pattern.compile("[a-zA-Z0-9-._~%!$&'()+,;:@=]+");

    private PolicyValues() {
    }

    static void nonEmpty(List<String> values, FieldPath path, Findings findings) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isEmpty()) {
                findings.error(path.index(i), "empty value not allowed");
            }
        }
    }

    /** ipBlocks and ip attributes: a single address or a CIDR. */
    static void ips(List<String> values, FieldPath path, Findings findings) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.contains("/") ? !IpAddresses.isCidr(v) : !IpAddresses.isIp(v)) {
                findings.error(path.index(i), (v.contains("/") ? "bad CIDR range (" : "bad IP address (") + v + ")");
            }
        }
    }

    /** ports and destination.port: a decimal number up to 65535 (Istio admits 0 here). */
    static void ports(List<String> values, FieldPath path, Findings findings) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (!isShortNumber(v) || Integer.parseInt(v) > 65535) {
                findings.error(path.index(i), "bad port (" + v + "): must be a number from 0 to 65535");
            }
        }
    }

    /**
     * {@code \d{1,5}} (ASCII digits), by hand: {@code String.matches} compiles its pattern on every call, and this
     * runs for every port of every policy.
     */
    private static boolean isShortNumber(String v) {
        if (v.isEmpty() || v.length() > 5) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static void serviceAccounts(List<String> values, FieldPath path, Findings findings) {
        if (values.size() > 16) {
            findings.error(path, "may not have more than 16 values");
        }
        for (int i = 0; i < values.size(); i++) {
            FieldPath at = path.index(i);
            serviceAccountProblem(values.get(i)).ifPresent(p -> findings.error(at, p));
        }
    }

    static Optional<String> serviceAccountProblem(String value) {
        if (value.isEmpty()) {
            return Optional.of("empty value not allowed");
        }
        if (value.contains("*")) {
            return Optional.of("wildcard not allowed");
        }
        long slashes = value.chars().filter(c -> c == '/').count();
        if (slashes > 1) {
            return Optional.of("expected format 'serviceAccount' or 'namespace/serviceAccount', found \"" + value + "\"");
        }
        if (value.length() > 320) {
            return Optional.of("value cannot exceed 320 characters");
        }
        if (slashes == 1 && (value.startsWith("/") || value.endsWith("/"))) {
            return Optional.of("expected format 'serviceAccount' or 'namespace/serviceAccount', found empty "
                    + (value.startsWith("/") ? "namespace" : "serviceAccount") + " \"" + value + "\"");
        }
        return Optional.empty();
    }

    /** Istio CheckWildcardValues: at most one {@code *}, at the start or the end. */
    static Optional<String> wildcardProblem(String value) {
        long stars = value.chars().filter(c -> c == '*').count();
        if (stars > 1) {
            return Optional.of("at most one wildcard is allowed, found \"" + value + "\"");
        }
        if (stars == 1 && !value.equals("*") && !value.startsWith("*") && !value.endsWith("*")) {
            return Optional.of("wildcard is only allowed at the start or end, found \"" + value + "\"");
        }
        return Optional.empty();
    }

    /** Istio CheckValidPathTemplate: {@code {*}} and a final {@code {**}} segments, literal segments otherwise. */
    static void pathTemplates(List<String> paths, FieldPath path, Findings findings) {
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            boolean template = p.contains("{*}") || p.contains("{**}");
            boolean matchAnySeen = false;
            for (String glob : p.replaceAll("^/+|/+$", "").split("/", -1)) {
                boolean one = glob.equals("{*}");
                boolean any = glob.equals("{**}");
                if ((one || any) && matchAnySeen) {
                    findings.error(path.index(i), "invalid or unsupported path " + p + ": {**} is not the last operator");
                    break;
                }
                if (one || any) {
                    matchAnySeen |= any;
                    continue;
                }
                if (glob.contains("{") || glob.contains("}")) {
                    findings.error(path.index(i), "invalid or unsupported path " + p + ": contains '{' or '}' beyond a supported path template");
                    break;
                }
                if (template && !PATH_LITERAL.matcher(glob).matches()) {
                    findings.error(path.index(i), "invalid or unsupported path " + p + ": contains segment " + glob + " with invalid string literal");
                    break;
                }
            }
        }
    }
}
