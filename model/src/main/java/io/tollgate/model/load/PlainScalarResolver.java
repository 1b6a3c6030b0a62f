package io.tollgate.model.load;

import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The YAML 1.2 core schema's typing of plain scalars, exactly as snakeyaml-engine's {@link CoreScalarResolver}
 * (merge keys on) decides it, written out by hand instead of with regular expressions: a scalar is typed by
 * its text alone, and the control plane types a few hundred thousand of them to load 20,000 documents, where the
 * regex matchers cost a tenth of a (warm) parse. Stateless; one instance serves every thread.
 *
 * <p>The rules, in snakeyaml-engine's order (the first that matches wins; a quoted scalar is always a string):
 * {@code true|True|TRUE|false|False|FALSE} is a bool; {@code [-+]?[0-9]+}, {@code 0o[0-7]+}, {@code 0x[0-9a-fA-F]+}
 * an int; {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}, {@code [-+]?\.(inf|Inf|INF)},
 * {@code \.(nan|NaN|NAN)} a float; {@code ${NAME...}} an environment reference (rare: the library's own pattern
 * decides); {@code <<} a merge key; the empty text, {@code ~}, {@code null|Null|NULL} and a single space null;
 * anything else a string.
 */
final class PlainScalarResolver implements ScalarResolver {
    /** The library's resolver, for the one rule not worth writing twice: {@code ${...}} references. */
    private static final ScalarResolver LIBRARY = new CoreScalarResolver(true);

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        char first = value.charAt(0);
        switch (first) {
            case 't', 'f', 'T', 'F' -> {
                if (isBool(value)) {
                    return Tag.BOOL;
                }
            }
            case '-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.' -> {
                if (first != '.' && isInt(value)) {
                    return Tag.INT;
                }
                if (isFloat(value)) {
                    return Tag.FLOAT;
                }
            }
            case '$' -> {
                Tag env = LIBRARY.resolve(value, true);
                if (env.equals(Tag.ENV_TAG)) {
                    return env;
                }
            }
            case '<' -> {
                if (value.equals("<<")) {
                    return Tag.MERGE;
                }
            }
            default -> {
                // Only the null spellings below remain for other first characters.
            }
        }
        return isNull(value) ? Tag.NULL : Tag.STR;
    }

    private static boolean isBool(String value) {
        return switch (value) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    private static boolean isNull(String value) {
        return switch (value) {
            case "~", "null", "Null", "NULL", " " -> true;
            default -> false;
        };
    }

    private static boolean isInt(String value) {
        if (value.length() > 2 && value.charAt(0) == '0' && value.charAt(1) == 'o') {
            return all(value, 2, "01234567");
        }
        if (value.length() > 2 && value.charAt(0) == '0' && value.charAt(1) == 'x') {
            return all(value, 2, "0123456789abcdefABCDEF");
        }
        int start = sign(value, 0);
        return start < value.length() && digits(value, start) == value.length();
    }

    private static boolean isFloat(String value) {
        int i = sign(value, 0);
        if (i < value.length() && value.charAt(i) == '.') {
            String rest = value.substring(i + 1);
            if (rest.equals("inf") || rest.equals("Inf") || rest.equals("INF")) {
                return true;
            }
            if (i == 0 && (rest.equals("nan") || rest.equals("NaN") || rest.equals("NAN"))) {
                return true;
            }
            int end = digits(value, i + 1);
            return end > i + 1 && exponentTo(value, end);
        }
        int end = digits(value, i);
        if (end == i) {
            return false;
        }
        if (end < value.length() && value.charAt(end) == '.') {
            end = digits(value, end + 1);
        }
        return exponentTo(value, end);
    }

    /** Whether {@code value} ends at {@code from} or holds exactly an exponent {@code [eE][-+]?[0-9]+} there. */
    private static boolean exponentTo(String value, int from) {
        if (from == value.length()) {
            return true;
        }
        char e = value.charAt(from);
        if (e != 'e' && e != 'E') {
            return false;
        }
        int start = sign(value, from + 1);
        int end = digits(value, start);
        return end > start && end == value.length();
    }

    private static int sign(String value, int at) {
        return at < value.length() && (value.charAt(at) == '-' || value.charAt(at) == '+') ? at + 1 : at;
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digits(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean all(String value, int from, String allowed) {
        for (int i = from; i < value.length(); i++) {
            if (allowed.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
