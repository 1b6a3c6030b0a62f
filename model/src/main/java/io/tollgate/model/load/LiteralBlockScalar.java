package io.tollgate.model.load;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.Optional;

/**
 * A literal block scalar ({@code |}, {@code |-} or {@code |+}), as kubectl writes its last-applied-configuration
 * annotation: its lines, less the indentation of the first, each with its line break; the chomping indicator decides
 * the final breaks (clip: one, strip: none, keep: all). Its indentation is that of its first line, which must be
 * deeper than the block it is in. An indentation indicator, a folded scalar ({@code >}), a line of spaces only, an
 * empty scalar or one that ends the text without a line break is {@link OutsideSubset}: they are rare, and their
 * rules subtle. Stateless.
 */
final class LiteralBlockScalar {
    private LiteralBlockScalar() {
    }

    /**
     * Reads the scalar whose {@code |} is at {@code at} on the scanner's line, in a block indented {@code parent};
     * leaves the scanner on the next line with content.
     */
    static Node read(YamlLineScanner in, int at, int parent) {
        Optional<Mark> start = in.markAt(at);
        char chomping = in.at(at + 1);
        int header = chomping == '-' || chomping == '+' ? at + 2 : at + 1;
        if (!in.restIsEmpty(header)) {
            throw new OutsideSubset("a block scalar header with an indentation indicator");
        }
        StringBuilder value = new StringBuilder();
        int indent = -1;
        int breaks = 0; // line breaks read since the last text: before the first, after the last
        boolean more;
        while ((more = in.nextLine()) && (in.content() == in.lineEnd() || in.indent() >= Math.max(indent, 0))) {
            if (in.content() == in.lineEnd()) {
                if (in.indent() > 0) {
                    throw new OutsideSubset("a line of spaces in a block scalar");
                }
                breaks++;
                continue;
            }
            if (indent < 0) {
                if (in.indent() <= parent || in.indent() < 1) {
                    throw new OutsideSubset("an empty block scalar");
                }
                indent = in.indent();
            }
            if (in.lineEnd() == in.chars().length) {
                throw new OutsideSubset("a block scalar that ends the text without a line break");
            }
            value.append("\n".repeat(breaks)).append(in.chars(), in.content() - in.indent() + indent,
                    in.lineEnd() - (in.content() - in.indent() + indent));
            breaks = 1;
        }
        if (indent < 0) {
            throw new OutsideSubset("an empty block scalar");
        }
        if (chomping == '+') {
            value.append("\n".repeat(breaks));
        } else if (chomping != '-') {
            value.append('\n');
        }
        if (more) {
            in.settle();
        }
        return new ScalarNode(Tag.STR, true, value.toString(), ScalarStyle.LITERAL, start,
                Optional.empty());
    }
}
