package io.tollgate.model.load;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Splits a YAML text into documents, as node trees whose marks carry the text's name and each node's line.
 * Plain scalars are typed by the YAML 1.2 core schema (so {@code 3306} is an integer, {@code "3306"} a string).
 * A syntax error ends the text: everything after it is unreadable, and it is reported at its line.
 *
 * <p>Two composers, one result: a text written wholly in the subset of YAML that Istio resources use is composed
 * by the {@link SubsetComposer} (a cold control plane would otherwise spend most of its start compiling
 * snakeyaml-engine's scanner and parser); any other text, errors included, by snakeyaml-engine, as a whole.
 */
final class YamlDocuments {
    /**
     * The core schema, made once: snakeyaml-engine's {@link CoreSchema} builds its tables anew for every text (and
     * its resolver for every composer), which costs more than parsing a short document. Composing uses only the
     * scalar resolver, which is stateless; the constructors are never used (nodes are read, not constructed).
     */
    private static final ScalarResolver RESOLVER = new PlainScalarResolver();
    private static final Schema CORE = new Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
            return RESOLVER;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    };

    private YamlDocuments() {
    }

    /** Gives each document to {@code sink}; returns the syntax error, if any, as a diagnostic. */
    static List<Diagnostic> each(SourceText text, Consumer<Node> sink) {
        List<Node> documents;
        try {
            documents = SubsetComposer.compose(text, RESOLVER);
        } catch (OutsideSubset e) {
            // Not (all) in the subset: snakeyaml composes the whole text, and words its errors, as it always did.
            return eachBySnakeyaml(text, sink);
        }
        documents.forEach(sink); // only now: a text the subset gave up on has delivered nothing
        return List.of();
    }

    /** The documents of a text in the subset, or {@link OutsideSubset} saying why it is not. */
    static List<Node> composeSubset(SourceText text) {
        return SubsetComposer.compose(text, RESOLVER);
    }

    /** {@link #each}, always by snakeyaml-engine (the reference the subset composer is tested against). */
    static List<Diagnostic> eachBySnakeyaml(SourceText text, Consumer<Node> sink) {
        LoadSettings settings = LoadSettings.builder().setLabel(text.name()).setSchema(CORE)
                .setUseMarks(true).build();
        try {
            for (Node document : new Compose(settings).composeAllFromString(text.text())) {
                sink.accept(document);
            }
            return List.of();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            if (line > text.text().lines().count()) {
                // The problem is the end of the text (an unclosed bracket): point at where the construct began.
                line = e.getContextMark().map(m -> m.getLine() + 1).orElse(line);
            }
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            return List.of(new Diagnostic(Severity.ERROR, new SourceLocation(text.name(), line), "", "",
                    "invalid YAML: " + context + e.getProblem()));
        } catch (YamlEngineException e) {
            return List.of(new Diagnostic(Severity.ERROR, new SourceLocation(text.name(), 0), "", "",
                    "invalid YAML: " + e.getMessage()));
        }
    }
}
