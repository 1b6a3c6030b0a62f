package io.tollgate.model.load;

import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Composes the YAML that Istio resources are written in into the node trees snakeyaml-engine's composer makes of
 * it (same node kinds, tags, values, scalar styles and start marks), without snakeyaml's general machinery, whose
 * compilation is most of a cold control plane start. The subset: block mappings and sequences (also {@code - key: v}
 * and a sequence at its key's indentation), one-line plain and quoted scalars, literal block scalars
 * ({@link LiteralBlockScalar}), flow collections written on one line ({@link OneLineFlow}), comments, {@code ---} and
 * {@code ...}. Anything else is {@link OutsideSubset}, and the
 * caller composes the whole text with snakeyaml; so this only has to be right on what it accepts, never on errors.
 *
 * <p>End marks are not kept (empty): nothing reads them. Single-threaded, one per text.
 */
final class SubsetComposer {
    /** Deeper than any Istio resource; bounds the recursion. */
    private static final int MAX_DEPTH = 64;
    /** Below snakeyaml's limit of 1024 characters on an implicit key: a key near or over it is snakeyaml's to judge. */
    static final int MAX_KEY = 1000;

    private final YamlLineScanner in;
    private int depth;

    private SubsetComposer(SourceText text, ScalarResolver resolver) {
        this.in = new YamlLineScanner(text.name(), text.text(), resolver);
    }

    /** The documents of {@code text}; {@link OutsideSubset}, saying why, when it is not (all) in the subset. */
    static List<Node> compose(SourceText text, ScalarResolver resolver) {
        return new SubsetComposer(text, resolver).documents();
    }

    private List<Node> documents() {
        List<Node> documents = new ArrayList<>();
        boolean more = in.nextContent();
        while (more) {
            if (in.atMarker("...")) {
                if (documents.isEmpty()) {
                    throw new OutsideSubset("... before any document");
                }
                requireRestEmpty(in.content() + 3);
                more = in.nextContent();
                continue;
            }
            if (in.atMarker("---")) {
                requireRestEmpty(in.content() + 3);
                if (!in.nextContent() || in.atAnyMarker()) {
                    // An empty document: snakeyaml marks its null where the next token (marker or end) starts.
                    documents.add(in.nullScalar(in.atEnd() ? in.endMark() : in.markAt(in.content())));
                    more = !in.atEnd();
                    continue;
                }
            } else if (!documents.isEmpty()) {
                throw new OutsideSubset("a document without --- after another"); // only the first may start bare
            }
            documents.add(block(in.content(), -1));
            more = !in.atEnd();
            if (more && !in.atAnyMarker()) {
                throw new OutsideSubset("a line less indented than its document's first");
            }
        }
        return documents;
    }

    /** The indentation of the current line, or -1 when the text or the document ended: every block ends there. */
    private int nextIndent() {
        return in.atEnd() || in.atAnyMarker() ? -1 : in.indent();
    }

    private boolean entryAt(int at) {
        return in.at(at) == '-' && in.blank(at + 1);
    }

    /** The node starting at {@code at} on the current line, inside a block indented {@code parent} (-1: the root). */
    private Node block(int at, int parent) {
        if (++depth > MAX_DEPTH) {
            throw new OutsideSubset("nested too deeply");
        }
        try {
            if (entryAt(at)) {
                return sequence(at);
            }
            return keyAt(at) ? mapping(at) : lineValue(at, parent);
        } finally {
            depth--;
        }
    }

    /** Whether a key (a plain or quoted scalar, then a colon and a blank) starts at {@code at}. */
    private boolean keyAt(int at) {
        char c = in.at(at);
        int end;
        if (c == '"' || c == '\'') {
            end = in.skipSpaces(QuotedScalars.read(in.chars(), at, in.lineEnd()).end());
        } else if (in.plainStarts(at)) {
            end = in.plainStop(at);
        } else {
            return false;
        }
        return in.at(end) == ':' && in.blank(end + 1);
    }

    /** A scalar or flow collection alone on the rest of its line, in a block indented {@code parent}. */
    private Node lineValue(int at, int parent) {
        char c = in.at(at);
        Node node;
        if (c == '[' || c == '{') {
            node = flow(at);
        } else if (c == '"' || c == '\'') {
            QuotedScalars.Read read = QuotedScalars.read(in.chars(), at, in.lineEnd());
            requireRestEmpty(read.end());
            node = in.quoted(read, at);
        } else if (in.plainStarts(at)) {
            int stop = in.plainStop(at);
            if (in.at(stop) == ':') {
                throw new OutsideSubset("a key on a value's line");
            }
            node = in.plain(at, in.trimEnd(at, stop));
        } else if (c != '|') {
            throw new OutsideSubset("an anchor, alias, tag, folded scalar, complex key, directive or misplaced entry");
        } else {
            node = LiteralBlockScalar.read(in, at, parent); // leaves the scanner on the line after its text
        }
        if (c != '|') {
            in.nextContent();
        }
        if (nextIndent() > parent) {
            throw new OutsideSubset("a scalar that runs onto the next line");
        }
        return node;
    }

    /** A block mapping whose first key starts at {@code at}; its keys are at that column. */
    private Node mapping(int at) {
        int column = in.column(at);
        Optional<Mark> start = in.markAt(at);
        List<NodeTuple> entries = new ArrayList<>();
        int key = at;
        while (true) {
            Node keyNode;
            int colon;
            if (in.at(key) == '"' || in.at(key) == '\'') {
                QuotedScalars.Read read = QuotedScalars.read(in.chars(), key, in.lineEnd());
                keyNode = in.quoted(read, key);
                colon = in.skipSpaces(read.end());
            } else if (in.plainStarts(key)) {
                colon = in.plainStop(key);
                keyNode = in.plain(key, in.trimEnd(key, colon));
            } else {
                throw new OutsideSubset("a key that is not a plain or quoted scalar");
            }
            if (in.at(colon) != ':' || !in.blank(colon + 1) || keyNode.getTag().equals(Tag.MERGE)) {
                throw new OutsideSubset("a line in a mapping that is not a key, or a merge key");
            }
            if (colon - key > MAX_KEY) {
                throw new OutsideSubset("a key longer than snakeyaml allows");
            }
            entries.add(new NodeTuple(keyNode, value(colon + 1, column)));
            int next = nextIndent();
            if (next < column) {
                break;
            }
            key = in.content();
            if (next > column || entryAt(key)) {
                throw new OutsideSubset("a line indented wrongly for its mapping");
            }
        }
        return new MappingNode(Tag.MAP, true, entries, FlowStyle.BLOCK, start, Optional.empty());
    }

    /** The value after a key's colon (just before {@code from}), in a mapping at {@code column}. */
    private Node value(int from, int column) {
        int at = in.skipSpaces(from);
        if (at == in.lineEnd() || in.at(at) == '#') {
            int line = in.line();
            int colonEnd = in.column(from);
            in.nextContent();
            int next = nextIndent();
            if (next > column) {
                return block(in.content(), column);
            }
            if (next == column && entryAt(in.content())) {
                return sequence(in.content()); // a sequence at its key's indentation, as kubectl writes them
            }
            // No value: snakeyaml's null stands where the colon ends.
            return in.nullScalar(in.mark(from, line, colonEnd));
        }
        return lineValue(at, column);
    }

    /** A block sequence whose first {@code -} is at {@code at}; its entries are at that column. */
    private Node sequence(int at) {
        int column = in.column(at);
        Optional<Mark> start = in.markAt(at);
        List<Node> items = new ArrayList<>();
        int dash = at;
        while (true) {
            int from = in.skipSpaces(dash + 1);
            if (from == in.lineEnd() || in.at(from) == '#') {
                int line = in.line();
                int dashEnd = in.column(dash + 1);
                in.nextContent();
                items.add(nextIndent() > column ? block(in.content(), column) : in.nullScalar(in.mark(dash + 1, line, dashEnd)));
            } else {
                items.add(block(from, column));
            }
            int next = nextIndent();
            if (next < column) {
                break;
            }
            if (next > column) {
                throw new OutsideSubset("a line indented wrongly for its sequence");
            }
            dash = in.content();
            if (!entryAt(dash)) {
                break; // a sequence at its key's indentation ends at the next key; elsewhere the caller refuses the line
            }
        }
        return new SequenceNode(Tag.SEQ, true, items, FlowStyle.BLOCK, start, Optional.empty());
    }

    /** A flow collection on one line, alone on the rest of it. */
    private Node flow(int at) {
        OneLineFlow flow = new OneLineFlow(in);
        Node node = flow.read(at);
        requireRestEmpty(flow.end());
        return node;
    }

    private void requireRestEmpty(int from) {
        if (!in.restIsEmpty(from)) {
            throw new OutsideSubset("more on a line after its value");
        }
    }
}
