package io.tollgate.model.load;

import java.util.List;
import java.util.SplittableRandom;

import static io.tollgate.testkit.SeededProperty.oneOf;

/**
 * Test support: random YAML texts in the shapes Istio resources take and around them: nested block mappings and
 * sequences (indented or at their key's indentation, compact {@code - key: v}), one-line flow sequences, scalars that
 * look like numbers, booleans, nulls, dates or octals, keys with colons, values with {@code #}, non-ASCII text, all
 * three one-line scalar styles and literal block scalars, comments, blank lines, several documents, CRLF; and, when
 * asked, one random corruption (a tab, an anchor, a tag, a block scalar indicator, a stray colon, a broken
 * indentation...) that either leaves the text in the subset or makes it invalid or unsupported.
 */
final class GeneratedYaml {
    private static final List<String> WORDS = List.of("3306", "-12", "+7", "007", "0o17", "0x1F", "1e3", "1.5", "-.5",
            ".inf", "-.Inf", ".nan", "true", "False", "TRUE", "yes", "on", "null", "Null", "~", "2026-11-27",
            "12:30:00", "1_000", "a:b", "a#b", "http://db.example.com:3306/x", "*.example.com", "10.0.0.0/24", "::1",
            "café", "数据库", "Ünïcødé text", "${HOME}", "<<", "-", "-x", "--", "---", "...", "a b  c", "key: value",
            "tcp-mysql", "ISTIO_MUTUAL", "cluster.local/ns/team-0001/sa/app", "x # not a comment", "it's", "say \"hi\"",
            "back\\slash", "tab\there", "line\nbreak", "", " lead", "trail ", "[a]", "{b}", "@at", "`tick", "%pct",
            "!bang", "&amp", "|pipe", ">gt", "?q", ":c", ",comma", "#hash", "é:", "x:", "a ,b");
    private static final List<String> KEYS = List.of("name", "namespace", "hosts", "ports", "number", "protocol",
            "spec", "a:b", "with space", "1", "true", "null", "~", "-k", "k-", "ü", "x#y", "k.y/z", "apiVersion");
    private static final List<String> CORRUPTIONS = List.of("\t", "&a ", "*a", "!t ", "|", ">", ":", ": ", "- ", " ",
            "  ", "#", "\"", "'", "[", "]", "{", "}", ",", "?", "%", "\r", "\u0085", "\u2028", "\ufeff", "😀", "\u0007",
            "\n", "\n ", "---", "...", "\\", "<<: ");

    private final SplittableRandom random;
    private final String eol;
    private final StringBuilder out = new StringBuilder();

    private GeneratedYaml(SplittableRandom random) {
        this.random = random;
        this.eol = random.nextInt(8) == 0 ? "\r\n" : "\n";
    }

    /** A text of one to three documents. */
    static String text(SplittableRandom random) {
        GeneratedYaml yaml = new GeneratedYaml(random);
        int documents = 1 + random.nextInt(3);
        for (int d = 0; d < documents; d++) {
            if (d > 0 || random.nextInt(3) == 0) {
                yaml.line("---" + (random.nextInt(4) == 0 ? " # document " + d : ""));
            }
            if (random.nextInt(10) > 0) {
                yaml.mapping(0, 3);
            }
            if (random.nextInt(8) == 0) {
                yaml.line("...");
            }
        }
        return yaml.out.toString();
    }

    /** A text with one random corruption inserted at a random place. */
    static String corrupted(SplittableRandom random) {
        String text = text(random);
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + oneOf(random, CORRUPTIONS) + text.substring(at);
    }

    private void line(String text) {
        if (random.nextInt(12) == 0) {
            out.append(random.nextBoolean() ? "" : " ".repeat(random.nextInt(6)) + "# a comment: with - things").append(eol);
        }
        out.append(text).append(eol);
    }

    private String pad(int indent) {
        return " ".repeat(indent);
    }

    private void mapping(int indent, int depth) {
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            entry(pad(indent), indent, depth);
        }
    }

    /** One key and its value; {@code prefix} is what goes before the key on its line (indentation, or "- "). */
    private void entry(String prefix, int indent, int depth) {
        String key = scalar(oneOf(random, KEYS)) + (random.nextInt(10) == 0 ? " :" : ":");
        int kind = depth == 0 ? 0 : random.nextInt(6);
        switch (kind) {
            case 0, 1 -> line(prefix + key + value());
            case 2 -> {
                line(prefix + key + comment());
                mapping(indent + 1 + random.nextInt(4), depth - 1);
            }
            case 3 -> {
                line(prefix + key + comment());
                sequence(random.nextBoolean() ? indent : indent + 1 + random.nextInt(3), depth - 1);
            }
            case 4 -> line(prefix + key + " " + flow());
            default -> {
                line(prefix + key + " |" + oneOf(random, List.of("", "-", "+")) + comment());
                literalLines(indent + 1 + random.nextInt(3));
            }
        }
    }

    /** A literal block scalar's lines: text (with a deeper line now and then) and empty lines. */
    private void literalLines(int indent) {
        int lines = 1 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(5) == 0) {
                out.append(eol);
            }
            String text = oneOf(random, WORDS).replace("\n", " ").replace("\t", " ");
            out.append(pad(indent + (random.nextInt(6) == 0 ? 1 + random.nextInt(2) : 0))).append(text).append(eol);
        }
    }

    private void sequence(int indent, int depth) {
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            int step = 1 + random.nextInt(3);
            String dash = pad(indent) + "-" + " ".repeat(step);
            switch (depth == 0 ? 0 : random.nextInt(4)) {
                case 0 -> line(dash + scalar(oneOf(random, WORDS)) + comment());
                case 1 -> {
                    // "- key: v" then the mapping's other keys at the first key's column.
                    entry(dash, indent + 1 + step, depth - 1);
                    int more = random.nextInt(3);
                    for (int k = 0; k < more; k++) {
                        entry(pad(indent + 1 + step), indent + 1 + step, depth - 1);
                    }
                }
                case 2 -> {
                    line(pad(indent) + "-" + comment());
                    mapping(indent + 1 + random.nextInt(3), depth - 1);
                }
                default -> line(dash + flow());
            }
        }
    }

    private String value() {
        return switch (random.nextInt(8)) {
            case 0 -> comment();
            default -> " ".repeat(1 + random.nextInt(2)) + scalar(oneOf(random, WORDS)) + comment();
        };
    }

    private String flow() {
        return switch (random.nextInt(5)) {
            case 0 -> "[]";
            case 1 -> "{}";
            default -> {
                StringBuilder items = new StringBuilder("[");
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    items.append(i > 0 ? "," + " ".repeat(random.nextInt(2)) : "").append(scalar(oneOf(random, WORDS)));
                }
                yield items.append("]").toString();
            }
        };
    }

    private String comment() {
        return random.nextInt(6) == 0 ? " # note: " + oneOf(random, WORDS) : "";
    }

    /** {@code text} plain, single- or double-quoted: plain even where that changes its meaning or is invalid. */
    private String scalar(String text) {
        return switch (random.nextInt(4)) {
            case 0 -> "'" + text.replace("'", "''") + "'";
            case 1 -> doubleQuoted(text);
            default -> text;
        };
    }

    private String doubleQuoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append(random.nextBoolean() ? "\\t" : "\\x09");
                default -> quoted.append(c > 0x7f && random.nextInt(3) == 0
                        ? "\\u%04x".formatted(c) : Character.toString(c));
            }
        });
        return quoted.append('"').toString();
    }
}
