package io.tollgate.model.load;

import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A flow collection written on one line, as Istio examples write small ones: {@code [a, "b"]}, {@code {}},
 * {@code {name: tcp, number: 3306}}, {@code {placeholder}}, nested {@code [{gateways: [mesh], port: 3306}]}. Entries
 * are scalars or collections separated by {@code ,}; a key is a scalar, right before its {@code :} and a space.
 * Anything else (a collection over several lines, a plain scalar with a space, {@code #} or {@code ?} in it, a
 * trailing comma) is {@link OutsideSubset}. One per collection, on the scanner's current line.
 */
final class OneLineFlow {
    private static final int MAX_DEPTH = 16;
    /** Characters that may end a plain scalar in a flow collection, or make it one the subset leaves to snakeyaml. */
    private static final String PLAIN_STOPS = " ,[]{}#:?'\"\n";

    private final YamlLineScanner in;
    private int at;
    private int depth;

    OneLineFlow(YamlLineScanner in) {
        this.in = in;
    }

    /** The collection whose bracket is at {@code open}. */
    Node read(int open) {
        at = open;
        return node();
    }

    /** The index just after the collection's closing bracket. */
    int end() {
        return at;
    }

    private Node node() {
        char c = in.at(at);
        if (c == '[' || c == '{') {
            if (++depth > MAX_DEPTH) {
                throw new OutsideSubset("flow collections nested too deeply");
            }
            Node collection = c == '[' ? sequence() : mapping();
            depth--;
            return collection;
        }
        return scalar();
    }

    private Node scalar() {
        char c = in.at(at);
        if (c == '"' || c == '\'') {
            QuotedScalars.Read read = QuotedScalars.read(in.chars(), at, in.lineEnd());
            Node node = in.quoted(read, at);
            at = read.end();
            return node;
        }
        if (!in.plainStarts(at) || (c == '-' && !Character.isLetterOrDigit(in.at(at + 1)))) {
            throw new OutsideSubset("a flow entry that is not a scalar or collection");
        }
        int stop = at;
        while (PLAIN_STOPS.indexOf(in.at(stop)) < 0
                || (in.at(stop) == ':' && PLAIN_STOPS.indexOf(in.at(stop + 1)) < 0)) {
            stop++; // a colon followed by anything but a blank or an indicator is text, as in spiffe://cluster.local
        }
        Node node = in.plain(at, stop);
        at = stop;
        return node;
    }

    private Node sequence() {
        Optional<Mark> start = in.markAt(at);
        List<Node> items = new ArrayList<>();
        at = in.skipSpaces(at + 1);
        if (in.at(at) != ']') {
            do {
                items.add(node());
            } while (next(']'));
        }
        at++;
        return new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, start, Optional.empty());
    }

    private Node mapping() {
        Optional<Mark> start = in.markAt(at);
        List<NodeTuple> entries = new ArrayList<>();
        at = in.skipSpaces(at + 1);
        if (in.at(at) != '}') {
            do {
                int keyStart = at;
                Node key = scalar();
                if (key.getTag().equals(Tag.MERGE) || at - keyStart > SubsetComposer.MAX_KEY) {
                    throw new OutsideSubset("a merge key, or a key as long as snakeyaml's limit");
                }
                entries.add(new NodeTuple(key, value()));
            } while (next('}'));
        }
        at++;
        return new MappingNode(Tag.MAP, true, entries, FlowStyle.FLOW, start, Optional.empty());
    }

    /**
     * A flow mapping's value: after {@code key: } (its null, when none follows, where the colon ends), or none after
     * a lone key (its null where the next {@code ,} or closing brace is), as snakeyaml marks them.
     */
    private Node value() {
        if (in.at(at) == ':' && in.at(at + 1) == ' ') {
            int colonEnd = at + 1;
            at = in.skipSpaces(colonEnd);
            return in.at(at) == ',' || in.at(at) == '}' ? in.nullScalar(in.markAt(colonEnd)) : node();
        }
        at = in.skipSpaces(at);
        if (in.at(at) == ',' || in.at(at) == '}') {
            return in.nullScalar(in.markAt(at));
        }
        throw new OutsideSubset("a flow mapping entry other than key: value or a lone key");
    }

    /** After an entry: true at a {@code ,} (and moves past it), false at {@code close}; anything else is outside. */
    private boolean next(char close) {
        at = in.skipSpaces(at);
        char c = in.at(at);
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw new OutsideSubset("a flow collection that does not close on its line");
        }
        at = in.skipSpaces(at + 1);
        return true;
    }
}
