package io.tollgate.model.load;

/**
 * Reads single- and double-quoted scalars that open and close on one line, as snakeyaml-engine's scanner reads them:
 * {@code ''} is a quote in single quotes; double quotes know YAML's escapes ({@code \n}, {@code \"}, {@code \x41},
 * {@code \u00e9}, ...). A scalar that runs onto the next line (folded, or an escaped line break), an unknown escape or
 * one that names a surrogate or no character is {@link OutsideSubset}. Stateless.
 */
final class QuotedScalars {
    /** A scalar's text and the index just after its closing quote. */
    record Read(String value, int end) {
    }

    private QuotedScalars() {
    }

    /** Reads the scalar whose opening quote is at {@code open}; the line ends at {@code lineEnd}. */
    static Read read(char[] text, int open, int lineEnd) {
        return text[open] == '\'' ? single(text, open, lineEnd) : doubled(text, open, lineEnd);
    }

    private static Read single(char[] text, int open, int lineEnd) {
        StringBuilder out = null;
        int from = open + 1;
        for (int i = open + 1; i < lineEnd; i++) {
            if (text[i] != '\'') {
                continue;
            }
            if (i + 1 < lineEnd && text[i + 1] == '\'') {
                out = (out == null ? new StringBuilder() : out).append(text, from, i + 1 - from);
                from = i + 2;
                i++;
                continue;
            }
            String value = out == null ? new String(text, from, i - from) : out.append(text, from, i - from).toString();
            return new Read(value, i + 1);
        }
        throw new OutsideSubset("a single-quoted scalar that does not close on its line");
    }

    private static Read doubled(char[] text, int open, int lineEnd) {
        StringBuilder out = null;
        int from = open + 1;
        for (int i = open + 1; i < lineEnd; i++) {
            char c = text[i];
            if (c == '"') {
                String value = out == null ? new String(text, from, i - from) : out.append(text, from, i - from).toString();
                return new Read(value, i + 1);
            }
            if (c != '\\') {
                continue;
            }
            out = (out == null ? new StringBuilder() : out).append(text, from, i - from);
            if (i + 1 == lineEnd) {
                throw new OutsideSubset("an escaped line break");
            }
            char e = text[++i];
            int hexDigits = switch (e) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            if (hexDigits == 0) {
                out.append(escaped(e));
            } else {
                out.appendCodePoint(codePoint(text, i + 1, i + 1 + hexDigits, lineEnd));
                i += hexDigits;
            }
            from = i + 1;
        }
        throw new OutsideSubset("a double-quoted scalar that does not close on its line");
    }

    /** The character a one-letter escape stands for (YAML 1.2, section 5.7). */
    private static char escaped(char e) {
        return switch (e) {
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'v' -> '\u000b';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case 'e' -> '\u001b';
            case ' ', '"', '/', '\\' -> e;
            case 'N' -> '\u0085';
            case '_' -> '\u00a0';
            default -> throw new OutsideSubset("an unknown escape");
        };
    }

    private static int codePoint(char[] text, int from, int to, int lineEnd) {
        if (to > lineEnd) {
            throw new OutsideSubset("a short hexadecimal escape");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text[i], 16);
            if (digit < 0 || text[i] > 'f') {
                throw new OutsideSubset("a hexadecimal escape with a non-hex digit");
            }
            value = value * 16 + digit;
        }
        if (value > Character.MAX_CODE_POINT || (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE)) {
            throw new OutsideSubset("an escape that names no character");
        }
        return (int) value;
    }
}
