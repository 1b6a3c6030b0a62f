package io.tollgate.model.load;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.Optional;

/**
 * {@code apiVersion}, {@code kind}, {@code metadata.name} and {@code metadata.namespace} looked up before the document
 * is read, so that every diagnostic about it can name it ({@code Gateway istio-system/egress}). Values that are not
 * plain strings read as absent here; the reader reports them properly.
 */
record DocumentHeader(Optional<String> apiVersion, Optional<String> kind, Optional<String> name, Optional<String> namespace) {

    static DocumentHeader peek(Node root) {
        Optional<Node> metadata = child(root, "metadata");
        return new DocumentHeader(text(child(root, "apiVersion")), text(child(root, "kind")),
                text(metadata.flatMap(m -> child(m, "name"))), text(metadata.flatMap(m -> child(m, "namespace"))));
    }

    /** {@code Kind namespace/name} for namespaced kinds, {@code Kind name} for cluster-scoped ones. */
    String subject(MetadataParser.Scope scope) {
        String who = name.orElse("<no name>");
        if (scope == MetadataParser.Scope.NAMESPACED) {
            who = namespace.filter(ns -> !ns.isEmpty()).orElse("default") + "/" + who;
        }
        return kind.orElse("<no kind>") + " " + who;
    }

    private static Optional<Node> child(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(t.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Optional<Node> node) {
        return node.filter(n -> n instanceof ScalarNode s && s.getTag().equals(Tag.STR)).map(n -> ((ScalarNode) n).getValue());
    }
}
