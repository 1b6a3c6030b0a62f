package io.tollgate.model.load;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.List;

/**
 * Test support: writes node trees out as text, one node a line, with everything the loader reads of a node and
 * more (kind, tag, scalar style and value, flow style, and the start mark's name, line, column and index), so that
 * two trees are equal exactly when their texts are, and a difference shows as a diff.
 */
final class NodeTrees {
    private NodeTrees() {
    }

    static String render(List<Node> documents) {
        StringBuilder out = new StringBuilder();
        for (Node document : documents) {
            out.append("--- document\n");
            render(document, "", out);
        }
        return out.toString();
    }

    private static void render(Node node, String indent, StringBuilder out) {
        out.append(indent).append(mark(node)).append(' ').append(node.getTag().getValue()).append(' ');
        switch (node) {
            case ScalarNode s -> out.append(s.getScalarStyle()).append(' ')
                    .append(s.getValue().codePoints().mapToObj(NodeTrees::visible).reduce("", String::concat)).append('\n');
            case SequenceNode s -> {
                out.append("sequence ").append(s.getFlowStyle()).append('\n');
                s.getValue().forEach(item -> render(item, indent + "  ", out));
            }
            case MappingNode m -> {
                out.append("mapping ").append(m.getFlowStyle()).append(m.hasMergeTag() ? " merge" : "").append('\n');
                for (NodeTuple tuple : m.getValue()) {
                    render(tuple.getKeyNode(), indent + "  ? ", out);
                    render(tuple.getValueNode(), indent + "  : ", out);
                }
            }
            default -> out.append("other ").append(node.getNodeType()).append('\n');
        }
    }

    private static String mark(Node node) {
        Mark mark = node.getStartMark().orElseThrow();
        return mark.getName() + ":" + mark.getLine() + ":" + mark.getColumn() + "@" + mark.getIndex()
                + node.getAnchor().map(a -> " &" + a.getValue()).orElse("");
    }

    /** Control characters and non-ASCII written as escapes, so that a difference in them is visible. */
    private static String visible(int c) {
        return c >= ' ' && c < 0x7f && c != '\\' ? Character.toString(c) : "\\u{" + Integer.toHexString(c) + "}";
    }
}
