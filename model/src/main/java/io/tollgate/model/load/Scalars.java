package io.tollgate.model.load;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.validation.FieldPath;
import io.tollgate.model.validation.Findings;
import io.tollgate.model.validation.Severity;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one YAML node as a typed value, strictly as the Kubernetes API server does: an unquoted {@code 3306} is an
 * integer and is not accepted where a string is expected, and {@code "3306"} is not accepted where an integer is.
 * Every failure is reported at the node's own line and returns empty.
 */
final class Scalars {
    private Scalars() {
    }

    static SourceLocation locate(Node node) {
        Mark mark = node.getStartMark().orElseThrow(() -> new IllegalStateException("YAML nodes are composed with marks"));
        return new SourceLocation(mark.getName(), mark.getLine() + 1);
    }

    // Tags are compared by reference first: the composers tag nodes with the library's constants, so the equals
    // below runs only for a tag written out in the text.

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getTag() == Tag.NULL || s.getTag().equals(Tag.NULL));
    }

    static Optional<String> string(Node node, FieldPath path, Findings findings) {
        if (node instanceof ScalarNode s && (s.getTag() == Tag.STR || s.getTag().equals(Tag.STR))) {
            return Optional.of(s.getValue());
        }
        return wrongType(node, path, findings, "a string");
    }

    /** {@link #string}, without the Optional: null when the node is not a string (which is reported). */
    static String stringOrNull(Node node, FieldPath path, Findings findings) {
        if (node instanceof ScalarNode s && (s.getTag() == Tag.STR || s.getTag().equals(Tag.STR))) {
            return s.getValue();
        }
        wrongType(node, path, findings, "a string");
        return null;
    }

    static Optional<Long> integer(Node node, FieldPath path, Findings findings, long min, long max) {
        if (!(node instanceof ScalarNode s && s.getTag().equals(Tag.INT))) {
            return wrongType(node, path, findings, "an integer");
        }
        BigInteger value = parseInteger(s.getValue());
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            findings.add(Severity.ERROR, locate(node), path,
                    "must be an integer from " + min + " to " + max + ", got " + s.getValue());
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    static Optional<Boolean> bool(Node node, FieldPath path, Findings findings) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT)));
        }
        return wrongType(node, path, findings, "true or false");
    }

    static Optional<Double> number(Node node, FieldPath path, Findings findings) {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.FLOAT) || s.getTag().equals(Tag.INT))) {
            try {
                return Optional.of(s.getTag().equals(Tag.INT)
                        ? parseInteger(s.getValue()).doubleValue() : Double.parseDouble(s.getValue()));
            } catch (NumberFormatException specialFloat) {
                // .inf and .nan are YAML floats but not JSON numbers, so the API server could not store them.
                return wrongType(node, path, findings, "a finite number");
            }
        }
        return wrongType(node, path, findings, "a number");
    }

    /** A Go duration string; with {@code atLeastOneMillisecond}, Istio's "greater than 1ms, ms precision" rule. */
    static Optional<Duration> duration(Node node, FieldPath path, Findings findings, boolean atLeastOneMillisecond) {
        Optional<String> text = string(node, path, findings);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> parsed = GoDuration.parse(text.get());
        String problem = null;
        if (parsed.isEmpty()) {
            problem = "invalid duration \"" + text.get() + "\" (write it like 10s, 250ms or 1h30m)";
        } else if (atLeastOneMillisecond && parsed.get().compareTo(Duration.ofMillis(1)) < 0) {
            problem = "duration must be at least 1ms, got " + text.get();
        } else if (parsed.get().toNanosPart() % 1_000_000 != 0) {
            problem = "only durations to millisecond precision are supported, got " + text.get();
        }
        if (problem != null) {
            findings.add(Severity.ERROR, locate(node), path, problem);
            return Optional.empty();
        }
        return parsed;
    }

    /** How a node reads to a person: "an integer", "a list", ... */
    static String describe(Node node) {
        return switch (node.getNodeType()) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            default -> {
                Tag tag = node.getTag();
                if (tag.equals(Tag.STR)) {
                    yield "a string";
                } else if (tag.equals(Tag.INT)) {
                    yield "an integer";
                } else if (tag.equals(Tag.FLOAT)) {
                    yield "a number";
                } else if (tag.equals(Tag.BOOL)) {
                    yield "a boolean";
                } else if (tag.equals(Tag.NULL)) {
                    yield "null";
                }
                yield "a value tagged " + tag.getValue();
            }
        };
    }

    static <T> Optional<T> wrongType(Node node, FieldPath path, Findings findings, String expected) {
        String hint = "";
        if (node instanceof ScalarNode s && expected.equals("a string") && !s.getTag().equals(Tag.NULL)) {
            hint = " (quote it: \"" + s.getValue() + "\")";
        } else if (node instanceof ScalarNode s && expected.equals("an integer") && s.getValue().matches("\\d+")) {
            hint = " (remove the quotes: " + s.getValue() + ")";
        }
        findings.add(Severity.ERROR, locate(node), path,
                "expected " + expected + ", found " + describe(node) + hint);
        return Optional.empty();
    }

    /** YAML 1.2 core-schema integers: decimal, 0o octal, 0x hexadecimal, with an optional sign. */
    private static BigInteger parseInteger(String text) {
        String digits = text;
        int sign = 1;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            sign = digits.startsWith("-") ? -1 : 1;
            digits = digits.substring(1);
        }
        BigInteger magnitude;
        if (digits.startsWith("0x")) {
            magnitude = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0o")) {
            magnitude = new BigInteger(digits.substring(2), 8);
        } else {
            magnitude = new BigInteger(digits);
        }
        return sign < 0 ? magnitude.negate() : magnitude;
    }
}
