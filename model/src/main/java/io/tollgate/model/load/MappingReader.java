package io.tollgate.model.load;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.validation.FieldPath;
import io.tollgate.model.validation.Findings;
import io.tollgate.model.validation.Severity;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One YAML mapping being read into a record. Each accessor consumes a key, records where it was written and reports
 * type errors at its line; {@link #finish()} reports every key that no accessor asked for as an unknown field, which
 * is how a misspelt field is caught. A null value ({@code key:} or {@code key: null}) reads as absent, as in
 * Kubernetes. Parsers call the accessors; they never touch YAML nodes themselves.
 */
final class MappingReader {
    private final MappingNode node;
    private final FieldPath path;
    private final Findings findings;
    private final MappingEntries entries;
    // The path of the key the last take found a value for: set by take, read by its caller straight after.
    private FieldPath takenAt;

    private MappingReader(MappingNode node, FieldPath path, Findings findings) {
        this.node = node;
        this.path = path;
        this.findings = findings;
        List<NodeTuple> tuples = node.getValue();
        this.entries = new MappingEntries(tuples.size());
        for (NodeTuple tuple : tuples) {
            String key = Scalars.stringOrNull(tuple.getKeyNode(), path, findings);
            if (key == null) {
                continue;
            }
            NodeTuple first = entries.addIfAbsent(key, tuple);
            if (first != null) {
                findings.add(Severity.ERROR, Scalars.locate(tuple.getKeyNode()), path.field(key),
                        "duplicate field (first written on line " + Scalars.locate(first.getKeyNode()).line() + ")");
            }
        }
    }

    /** Reads {@code node} as a mapping, or reports that it is not one. */
    static Optional<MappingReader> of(Node node, FieldPath path, Findings findings) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new MappingReader(mapping, path, findings));
        }
        return Scalars.wrongType(node, path, findings, "a mapping");
    }

    /**
     * An empty mapping standing for a section the document leaves out ({@code spec} of a policy written without
     * one), so that required fields inside it are still reported, at {@code anchor}'s line.
     */
    static MappingReader absent(Node anchor, FieldPath path, Findings findings) {
        return new MappingReader(new MappingNode(Tag.MAP, true, List.of(), FlowStyle.BLOCK, anchor.getStartMark(),
                anchor.getEndMark()), path, findings);
    }

    public FieldPath path() {
        return path;
    }

    public Findings findings() {
        return findings;
    }

    public SourceLocation location() {
        return Scalars.locate(node);
    }

    /** True when the key is written with a non-null value; does not consume it. */
    public boolean has(String key) {
        int at = entries.find(key);
        return at >= 0 && !Scalars.isNull(entries.tuple(at).getValueNode());
    }

    /** True when the key is written as an empty list ({@code from: []}), which Istio reads as absent. */
    public boolean isEmptyList(String key) {
        int at = entries.find(key);
        return at >= 0 && entries.tuple(at).getValueNode() instanceof SequenceNode s && s.getValue().isEmpty();
    }

    public Optional<String> string(String key) {
        Node n = take(key);
        return n == null ? Optional.empty() : Scalars.string(n, takenAt, findings);
    }

    /** A required string; reports "required" when absent. */
    public Optional<String> requiredString(String key) {
        if (!has(key)) {
            missing(key);
        }
        return string(key);
    }

    public Optional<Long> integer(String key, long min, long max) {
        Node n = take(key);
        return n == null ? Optional.empty() : Scalars.integer(n, takenAt, findings, min, max);
    }

    /** A port number, 1..65535, with Istio's wording for one out of range. */
    public OptionalInt port(String key) {
        Node value = take(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        Optional<Long> number = Scalars.integer(value, takenAt, findings, Long.MIN_VALUE, Long.MAX_VALUE);
        if (number.isEmpty()) {
            return OptionalInt.empty();
        }
        if (number.get() < 1 || number.get() > 65535) {
            findings.error(path.field(key), "port number " + number.get() + " must be in the range 1..65535");
            return OptionalInt.empty();
        }
        return OptionalInt.of(number.get().intValue());
    }

    public Optional<Boolean> bool(String key) {
        Node n = take(key);
        return n == null ? Optional.empty() : Scalars.bool(n, takenAt, findings);
    }

    public Optional<Duration> duration(String key, boolean atLeastOneMillisecond) {
        Node n = take(key);
        return n == null ? Optional.empty() : Scalars.duration(n, takenAt, findings, atLeastOneMillisecond);
    }

    /** An enum written by its constant name, exactly (Istio's enums are case-sensitive). */
    public <E extends Enum<E>> Optional<E> enumeration(String key, Class<E> type) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.get())) {
                return Optional.of(constant);
            }
        }
        findings.error(path.field(key), "invalid value \"" + text.get() + "\", must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    public List<String> strings(String key) {
        return list(key, (n, p) -> Scalars.string(n, p, findings));
    }

    public Map<String, String> stringMap(String key) {
        return map(key, (n, p) -> Scalars.string(n, p, findings));
    }

    /** A nested mapping, read by {@code body}; its unknown keys are reported when {@code body} returns. */
    public <T> Optional<T> object(String key, Function<MappingReader, T> body) {
        Node n = take(key);
        return n == null ? Optional.empty() : MappingReader.of(n, takenAt, findings).map(r -> r.read(body));
    }

    /** A list of mappings, each read by {@code body}. */
    public <T> List<T> objects(String key, Function<MappingReader, T> body) {
        return list(key, (n, p) -> MappingReader.of(n, p, findings).map(r -> r.read(body)));
    }

    /** A field Tollgate accepts but does not use: checked against {@code shape}, kept as plain values. */
    public Optional<Object> raw(String key, Shape shape) {
        Node n = take(key);
        return n == null ? Optional.empty() : new ShapeReader(findings).read(n, takenAt, shape);
    }

    /** Fields that are accepted and dropped: server-set metadata, {@code status}. */
    public void ignore(String... keys) {
        for (String key : keys) {
            take(key);
        }
    }

    /** A field Istio defines that Tollgate cannot honour: an error, because silently ignoring it would change meaning. */
    public void unsupported(String key, String why) {
        boolean written = has(key);
        take(key);
        if (written) {
            findings.error(path.field(key), why);
        }
    }

    /** Reports every key nobody read as unknown. Called by {@link #object}/{@link #objects}; the loader calls it for a document root. */
    public void finish() {
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.consumed(i)) {
                findings.add(Severity.ERROR, Scalars.locate(entries.tuple(i).getKeyNode()), path.field(entries.key(i)),
                        "unknown field \"" + entries.key(i) + "\"");
            }
        }
    }

    public void missing(String key) {
        findings.error(path.field(key), "required field is missing");
    }

    private <T> T read(Function<MappingReader, T> body) {
        T result = body.apply(this);
        finish();
        return result;
    }

    /**
     * Consumes {@code key} and records where it was written; its value, or null when absent or null. When there is
     * a value, {@link #takenAt} is its path (made once, for the record and for the caller's diagnostics).
     */
    private Node take(String key) {
        int at = entries.find(key);
        if (at < 0) {
            return null;
        }
        entries.consume(at);
        NodeTuple tuple = entries.tuple(at);
        takenAt = path.field(key);
        findings.written(takenAt, Scalars.locate(tuple.getKeyNode()));
        return Scalars.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    /** Reads a YAML node at a path into an element, reporting its own problems; empty when it could not. */
    @FunctionalInterface
    interface ElementReader<T> {
        Optional<T> read(Node node, FieldPath path);
    }

    private <T> List<T> list(String key, ElementReader<T> element) {
        Node value = take(key);
        if (value == null) {
            return List.of();
        }
        FieldPath at = takenAt;
        if (!(value instanceof SequenceNode sequence)) {
            return Scalars.<List<T>>wrongType(value, at, findings, "a list").orElse(List.of());
        }
        List<Node> items = sequence.getValue();
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            FieldPath itemPath = at.index(i);
            findings.written(itemPath, Scalars.locate(item));
            element.read(item, itemPath).ifPresent(out::add);
        }
        return out;
    }

    private <T> Map<String, T> map(String key, ElementReader<T> element) {
        Node value = take(key);
        Optional<MappingReader> nested = value == null ? Optional.empty() : MappingReader.of(value, takenAt, findings);
        if (nested.isEmpty()) {
            return Map.of();
        }
        MappingReader reader = nested.get();
        MappingEntries entries = reader.entries;
        Map<String, T> out = LinkedHashMap.newLinkedHashMap(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            entries.consume(i);
            String entryKey = entries.key(i);
            FieldPath entryPath = reader.path.field(entryKey);
            findings.written(entryPath, Scalars.locate(entries.tuple(i).getKeyNode()));
            Node valueNode = entries.tuple(i).getValueNode();
            element.read(valueNode, entryPath).ifPresent(v -> out.put(entryKey, v));
        }
        return out;
    }

    /** A map of port name to port number, as in a ServiceEntry endpoint's {@code ports}. */
    public Map<String, Integer> portMap(String key) {
        return map(key, (n, p) -> Scalars.integer(n, p, findings, Long.MIN_VALUE, Long.MAX_VALUE).flatMap(v -> {
            if (v < 1 || v > 65535) {
                findings.error(p, "port number " + v + " must be in the range 1..65535");
                return Optional.empty();
            }
            return Optional.of(v.intValue());
        }));
    }

    /** A list of raw nodes, for {@code kind: List}'s items. */
    List<Node> nodes(String key) {
        return list(key, (n, p) -> Optional.of(n));
    }
}
