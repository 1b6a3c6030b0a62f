package io.tollgate.model.load;

import io.tollgate.model.validation.FieldPath;
import io.tollgate.model.validation.Findings;
import io.tollgate.model.validation.Severity;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a YAML node against a {@link Shape} and turns it into plain values: String, Long, Double, Boolean,
 * java.time.Duration, List and Map. Unknown fields, wrong types and missing required fields are errors at the line
 * of the offending node; the parts that are wrong are left out of the result.
 */
final class ShapeReader {
    private final Findings findings;

    ShapeReader(Findings findings) {
        this.findings = findings;
    }

    Optional<Object> read(Node node, FieldPath path, Shape shape) {
        findings.written(path, Scalars.locate(node));
        if (Scalars.isNull(node)) {
            return Optional.empty();
        }
        return switch (shape) {
            case Shape.Str s -> Scalars.string(node, path, findings).map(v -> v);
            case Shape.Bool b -> Scalars.bool(node, path, findings).map(v -> v);
            case Shape.Num n -> number(node, path, n);
            case Shape.Int i -> Scalars.integer(node, path, findings, i.min(), i.max()).map(v -> v);
            case Shape.Dur d -> Scalars.duration(node, path, findings, d.atLeastOneMillisecond()).map(v -> v);
            case Shape.Choice c -> choice(node, path, c);
            case Shape.Any a -> Optional.of(any(node));
            case Shape.ListOf l -> list(node, path, l);
            case Shape.MapOf m -> map(node, path, m);
            case Shape.Obj o -> object(node, path, o);
        };
    }

    private Optional<Object> number(Node node, FieldPath path, Shape.Num shape) {
        Optional<Double> value = Scalars.number(node, path, findings);
        if (value.isPresent() && (value.get() < shape.min() || value.get() > shape.max())) {
            findings.error(path, "must be from " + shape.min() + " to " + shape.max() + ", got " + value.get());
            return Optional.empty();
        }
        return value.map(v -> v);
    }

    private Optional<Object> choice(Node node, FieldPath path, Shape.Choice choice) {
        Optional<String> text = Scalars.string(node, path, findings);
        if (text.isPresent() && !choice.values().contains(text.get())) {
            findings.error(path, "invalid value \"" + text.get() + "\", must be one of " + String.join(", ", choice.values()));
            return Optional.empty();
        }
        return text.map(v -> v);
    }

    private Optional<Object> list(Node node, FieldPath path, Shape.ListOf shape) {
        if (!(node instanceof SequenceNode sequence)) {
            return Scalars.wrongType(node, path, findings, "a list");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            read(sequence.getValue().get(i), path.index(i), shape.element()).ifPresent(out::add);
        }
        return Optional.of(List.copyOf(out));
    }

    private Optional<Object> map(Node node, FieldPath path, Shape.MapOf shape) {
        if (!(node instanceof MappingNode mapping)) {
            return Scalars.wrongType(node, path, findings, "a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Scalars.string(tuple.getKeyNode(), path, findings).ifPresent(key -> {
                FieldPath entry = path.field(key);
                if (out.containsKey(key)) {
                    findings.add(Severity.ERROR, Scalars.locate(tuple.getKeyNode()), entry, "duplicate field");
                }
                read(tuple.getValueNode(), entry, shape.value()).ifPresent(v -> out.put(key, v));
            });
        }
        return Optional.of(out);
    }

    private Optional<Object> object(Node node, FieldPath path, Shape.Obj shape) {
        if (!(node instanceof MappingNode mapping)) {
            return Scalars.wrongType(node, path, findings, "a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> key = Scalars.string(tuple.getKeyNode(), path, findings);
            if (key.isEmpty()) {
                continue;
            }
            FieldPath field = path.field(key.get());
            Shape fieldShape = shape.fields().get(key.get());
            if (fieldShape == null) {
                findings.add(Severity.ERROR, Scalars.locate(tuple.getKeyNode()), field, "unknown field \"" + key.get() + "\"");
            } else if (!seen.add(key.get())) {
                findings.add(Severity.ERROR, Scalars.locate(tuple.getKeyNode()), field, "duplicate field");
            } else {
                read(tuple.getValueNode(), field, fieldShape).ifPresent(v -> out.put(key.get(), v));
            }
        }
        for (String required : shape.required()) {
            if (!seen.contains(required)) {
                findings.error(path.field(required), "required field is missing");
            }
        }
        return Optional.of(out);
    }

    /** Any YAML as plain values, without checks: scalars stay text. */
    private static Object any(Node node) {
        return switch (node) {
            case SequenceNode s -> s.getValue().stream().map(ShapeReader::any).toList();
            case MappingNode m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    out.put(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode()), any(t.getValueNode()));
                }
                yield out;
            }
            case ScalarNode s -> s.getValue();
            default -> String.valueOf(node);
        };
    }
}
