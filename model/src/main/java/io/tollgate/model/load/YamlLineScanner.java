package io.tollgate.model.load;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

import java.util.Optional;

/**
 * Walks a YAML text line by line for the {@link SubsetComposer}: finds the next line with content, its indentation,
 * where plain scalars stop, and makes snakeyaml-engine {@link Mark}s (0-based line and column, as the library's) and
 * scalar nodes (typed by the given resolver, as snakeyaml's composer types them).
 * Every character is checked once, when its line is read: a character the subset does not handle as snakeyaml does
 * (a tab, a control character, a lone carriage return, a byte-order mark, a character outside the Basic Multilingual
 * Plane, whose column snakeyaml counts in code points) makes the text {@link OutsideSubset}. Single-threaded, one per
 * text.
 */
final class YamlLineScanner {
    /** snakeyaml-engine's default code point limit: a longer text is its error to report. */
    private static final int LIMIT = 3 * 1024 * 1024;
    /** Marks carry no snippet of the text: only error messages print one, and errors are snakeyaml's to make. */
    private static final int[] NO_SNIPPET = new int[0];
    /** End marks are not kept: nothing reads them. */
    private static final Optional<Mark> NO_END = Optional.empty();
    private static final String NOT_PLAIN_START = "-?:,[]{}#&*!|>'\"%@`";

    private final String name;
    private final ScalarResolver resolver;
    private final char[] text;
    // The same text as given: a scalar is cut from it (a copy of its bytes) rather than made from the chars (a check
    // of every char for whether it fits in a byte).
    private final String source;
    private int lineNo = -1;
    private int lineStart;
    private int lineEnd;
    private int nextLine;
    private int content;
    private boolean end;

    YamlLineScanner(String name, String text, ScalarResolver resolver) {
        if (text.length() > LIMIT) {
            throw new OutsideSubset("longer than snakeyaml's code point limit");
        }
        this.name = name;
        this.resolver = resolver;
        this.text = text.toCharArray();
        this.source = text;
    }

    /** Moves to the next line that is not blank or only a comment; false at the end of the text. */
    boolean nextContent() {
        if (end) {
            return false;
        }
        while (nextLine < text.length) {
            // Empty lines in a run, without reading each: the control plane pads every document it cuts out of a file
            // with one per line above it, so that diagnostics name the file's lines (hundreds a document).
            while (nextLine < text.length && text[nextLine] == '\n') {
                nextLine++;
                lineNo++;
            }
            if (nextLine == text.length) {
                break;
            }
            readLine();
            if (content < lineEnd && text[content] != '#') {
                return true;
            }
        }
        // Stand after the last line break (or at the end of a last line without one), where snakeyaml's stream ends.
        if (text.length == 0 || text[text.length - 1] == '\n') {
            lineNo++;
            lineStart = text.length;
        }
        content = text.length;
        lineEnd = text.length;
        end = true;
        return false;
    }

    /** Moves to the next line, whatever it holds (a block scalar's lines are all text); false at the end. */
    boolean nextLine() {
        if (nextLine < text.length) {
            readLine();
            return true;
        }
        return nextContent();
    }

    /** Stays on the current line if it has content, else moves to the next that has; false at the end. */
    boolean settle() {
        return (content < lineEnd && text[content] != '#') || nextContent();
    }

    /** Whether {@link #nextContent} found no more content. */
    boolean atEnd() {
        return end;
    }

    private void readLine() {
        lineNo++;
        lineStart = nextLine;
        content = -1;
        int i = lineStart;
        for (; i < text.length; i++) {
            char c = text[i];
            if (c == '\n' || c == '\r') {
                if (c == '\r' && (i + 1 == text.length || text[i + 1] != '\n')) {
                    throw new OutsideSubset("a carriage return without a line feed");
                }
                lineEnd = i;
                nextLine = c == '\r' ? i + 2 : i + 1;
                break;
            }
            if (c < ' ' || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || c == 0x2028 || c == 0x2029
                    || c >= 0xfeff && (c == 0xfeff || c >= 0xfffe)) {
                throw new OutsideSubset("a tab, control, line separator or non-BMP character");
            }
            if (content < 0 && c != ' ') {
                content = i;
            }
        }
        if (i == text.length) {
            lineEnd = i;
            nextLine = i;
        }
        if (content < 0) {
            content = lineEnd;
        }
    }

    /** The mark where the text ends, as snakeyaml gives its stream end (valid once {@link #nextContent} is false). */
    Optional<Mark> endMark() {
        return markAt(text.length);
    }

    /** The first character of the current line that is not a space. */
    int content() {
        return content;
    }

    int indent() {
        return content - lineStart;
    }

    int column(int at) {
        return at - lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** The character at {@code at} on the current line, or {@code '\n'} at and after its end. */
    char at(int at) {
        return at < lineEnd ? text[at] : '\n';
    }

    char[] chars() {
        return text;
    }

    /** Whether the current line is {@code marker} ({@code ---} or {@code ...}) at column 0, alone or before a blank. */
    boolean atMarker(String marker) {
        return content == lineStart && lineEnd - lineStart >= 3 && text[lineStart] == marker.charAt(0)
                && text[lineStart + 1] == marker.charAt(1) && text[lineStart + 2] == marker.charAt(2)
                && blank(lineStart + 3);
    }

    boolean atAnyMarker() {
        return atMarker("---") || atMarker("...");
    }

    /** A space or the end of the line. */
    boolean blank(int at) {
        return at >= lineEnd || text[at] == ' ';
    }

    /** Whether nothing but spaces and a comment follow {@code from}, which must be the end or a space to allow one. */
    boolean restIsEmpty(int from) {
        if (!blank(from)) {
            return false;
        }
        int i = skipSpaces(from);
        return i == lineEnd || text[i] == '#';
    }

    int skipSpaces(int from) {
        int i = from;
        while (i < lineEnd && text[i] == ' ') {
            i++;
        }
        return i;
    }

    /** Whether a plain scalar may begin at {@code at} (in block context; {@code ?x} and {@code :x} are left out). */
    boolean plainStarts(int at) {
        char c = at(at);
        if (c == '\n' || c == ' ') {
            return false;
        }
        return NOT_PLAIN_START.indexOf(c) < 0 || (c == '-' && !blank(at + 1));
    }

    /**
     * Where a block plain scalar starting at {@code from} stops on this line: at a {@code :} followed by a blank (it
     * was a key), at a {@code #} after a space (a comment), or at the end of the line.
     */
    int plainStop(int from) {
        for (int i = from; i < lineEnd; i++) {
            char c = text[i];
            if ((c == ':' && blank(i + 1)) || (c == '#' && text[i - 1] == ' ')) {
                return i;
            }
        }
        return lineEnd;
    }

    /** {@code to} without the spaces before it (a plain scalar's trailing spaces are not its text). */
    int trimEnd(int from, int to) {
        int i = to;
        while (i > from && text[i - 1] == ' ') {
            i--;
        }
        return i;
    }

    /** The current line, 0-based. */
    int line() {
        return lineNo;
    }

    /** A mark at {@code at} on the current line. */
    Optional<Mark> markAt(int at) {
        return mark(at, lineNo, at - lineStart);
    }

    /** A mark at {@code index}, on a line already left behind. */
    Optional<Mark> mark(int index, int line, int column) {
        return Optional.of(new Mark(name, index, line, column, NO_SNIPPET, 0));
    }

    /** The plain scalar from {@code from} to {@code to} on the current line, typed by the core schema. */
    ScalarNode plain(int from, int to) {
        String value = source.substring(from, to);
        return new ScalarNode(resolver.resolve(value, true), true, value, ScalarStyle.PLAIN, markAt(from), NO_END);
    }

    /** The quoted scalar {@code read} whose opening quote is at {@code at} on the current line: a string. */
    ScalarNode quoted(QuotedScalars.Read read, int at) {
        ScalarStyle style = text[at] == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED;
        return new ScalarNode(resolver.resolve(read.value(), false), true, read.value(), style, markAt(at), NO_END);
    }

    /** The null of an absent value, where snakeyaml puts it. */
    ScalarNode nullScalar(Optional<Mark> mark) {
        return new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, mark, NO_END);
    }
}
